package io.staysync.channels.airbnb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.staysync.channels.OAuthTokenStore;
import io.staysync.channels.OAuthTokens;

/**
 * Tokens in memory, for tests of the client and connector until (and apart from) the
 * vault-backed store of the integrations module; remembers every store and revocation.
 */
class InMemoryTokenStore implements OAuthTokenStore {

	private final Map<UUID, OAuthTokens> tokens = new ConcurrentHashMap<>();

	final List<OAuthTokens> stored = new ArrayList<>();

	final List<String> revocations = new ArrayList<>();

	@Override
	public Optional<OAuthTokens> tokens(UUID integrationId) {
		return Optional.ofNullable(tokens.get(integrationId));
	}

	@Override
	public synchronized void store(UUID integrationId, OAuthTokens renewed) {
		tokens.put(integrationId, renewed);
		stored.add(renewed);
	}

	@Override
	public synchronized void revoked(UUID integrationId, String message) {
		tokens.remove(integrationId);
		revocations.add(message);
	}

}
