package io.staysync.webhooks.outbound;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.security.vault.CredentialVault;
import io.staysync.security.vault.SecretContext;
import io.staysync.security.vault.SecretStore;

/**
 * The signing secrets of subscriptions: generated here (32 random bytes, the upper end of
 * what the Standard Webhooks scheme asks for), sealed by the credential vault bound to
 * their row and field, opened only to sign a delivery, and re-sealed when the keyring
 * rotates.
 */
@Component
class SubscriptionSecrets implements SecretStore {

	static final String TABLE = "webhook_subscriptions";

	static final String SECRET = "secret";

	static final String PREVIOUS_SECRET = "previous_secret";

	private static final int BYTES = 32;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final CredentialVault vault;

	private final WebhookSubscriptions subscriptions;

	SubscriptionSecrets(CredentialVault vault, WebhookSubscriptions subscriptions) {
		this.vault = vault;
		this.subscriptions = subscriptions;
	}

	static String generate() {
		byte[] key = new byte[BYTES];
		RANDOM.nextBytes(key);
		return "whsec_" + Base64.getEncoder().encodeToString(key);
	}

	static String hint(String secret) {
		return secret.substring(secret.length() - 4);
	}

	String seal(String secret, UUID subscriptionId, String field) {
		return vault.seal(secret, new SecretContext(TABLE, subscriptionId, field));
	}

	/**
	 * The secrets a delivery is signed with at {@code now}: the current one, and the
	 * previous one while a rotation overlaps.
	 */
	List<String> signingSecrets(WebhookSubscription subscription, Instant now) {
		List<String> secrets = new ArrayList<>(2);
		secrets.add(vault.open(subscription.sealedSecret(), new SecretContext(TABLE, subscription.id(), SECRET)));
		if (subscription.inRotation(now)) {
			secrets.add(vault.open(subscription.sealedPreviousSecret(),
					new SecretContext(TABLE, subscription.id(), PREVIOUS_SECRET)));
		}
		return secrets;
	}

	@Override
	public String name() {
		return "webhook subscriptions";
	}

	@Override
	@Transactional
	public int resealAll(CredentialVault keyring) {
		int resealed = 0;
		for (WebhookSubscription s : subscriptions.findAll()) {
			String secret = keyring.reseal(s.sealedSecret(), new SecretContext(TABLE, s.id(), SECRET));
			String previous = s.sealedPreviousSecret() == null ? null
					: keyring.reseal(s.sealedPreviousSecret(), new SecretContext(TABLE, s.id(), PREVIOUS_SECRET));
			int changed = (secret.equals(s.sealedSecret()) ? 0 : 1)
					+ (previous == null || previous.equals(s.sealedPreviousSecret()) ? 0 : 1);
			if (changed > 0) {
				subscriptions.update(new WebhookSubscription(s.id(), s.targetUrl(), s.eventTypes(), s.description(),
						s.active(), secret, s.secretHint(), previous, s.previousSecretUntil(), s.failingSince(),
						s.disabledReason(), s.createdAt(), s.updatedAt()));
				resealed += changed;
			}
		}
		return resealed;
	}

}
