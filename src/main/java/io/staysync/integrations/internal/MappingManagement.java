package io.staysync.integrations.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.audit.AuditLog;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.common.ConflictException;
import io.staysync.common.InvalidInputException;
import io.staysync.common.InvalidInputException.FieldProblem;
import io.staysync.common.NotFoundException;
import io.staysync.properties.PropertyCatalog;
import io.staysync.properties.PropertyRef;
import io.staysync.security.vault.VaultException;

/**
 * Maps channel listings to properties. {@link #replace} makes the stored set exactly the
 * one given; {@link #merge} adds or remaps the listings given and leaves the others (the
 * optional {@code propertyMapping} of a sync request). Refusals name the listing at fault
 * and store nothing.
 */
@Service
public class MappingManagement {

	static final int MAX_MAPPINGS = 500;

	private final SecureRandom random = new SecureRandom();

	private final IntegrationRepository integrations;

	private final ListingMappingRepository mappings;

	private final IntegrationSecrets secrets;

	private final PropertyCatalog properties;

	private final AuditLog audit;

	private final Clock clock;

	MappingManagement(IntegrationRepository integrations, ListingMappingRepository mappings, IntegrationSecrets secrets,
			PropertyCatalog properties, AuditLog audit, Clock clock) {
		this.integrations = integrations;
		this.mappings = mappings;
		this.secrets = secrets;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public long count(Integration integration) {
		return mappings.countByIntegrationId(integration.id());
	}

	/** How many listings are mapped, over every integration. */
	@Transactional(readOnly = true)
	public long countAll() {
		return mappings.count();
	}

	/**
	 * How many listings' export feeds a channel has read: their links were pasted where
	 * they belong.
	 */
	@Transactional(readOnly = true)
	public long countExportsRead() {
		return mappings.countExportFetched();
	}

	@Transactional(readOnly = true)
	public List<ListingMapping> list(ChannelType type) {
		return integrations.findByType(type)
			.map(integration -> mappings.findByIntegrationIdOrderByExternalListingId(integration.id()))
			.orElse(List.of());
	}

	@Transactional
	public List<ListingMapping> replace(ChannelType type, List<MappingRequest> requested) {
		return apply(type, requested, true);
	}

	@Transactional
	public List<ListingMapping> merge(ChannelType type, List<MappingRequest> requested) {
		return apply(type, requested, false);
	}

	private List<ListingMapping> apply(ChannelType type, List<MappingRequest> requested, boolean removeOthers) {
		Integration integration = integrations.findByType(type)
			.orElseThrow(() -> new ConflictException("The " + type.path()
					+ " integration is not configured yet; configure it before mapping listings."));
		check(integration, requested);
		Instant now = clock.instant();
		Map<String, ListingMapping> stored = mappings.findByIntegrationIdOrderByExternalListingId(integration.id())
			.stream()
			.collect(Collectors.toMap(ListingMapping::externalListingId, Function.identity()));
		Map<String, List<String>> changes = new LinkedHashMap<>();
		Set<String> kept = new HashSet<>();
		for (MappingRequest request : requested) {
			String listing = request.externalListingId().strip();
			kept.add(listing);
			ListingMapping mapping = stored.get(listing);
			if (mapping == null) {
				mapping = ListingMapping.create(integration.id(), listing, request.propertyId(), exportToken(), now);
				changes.computeIfAbsent("added", k -> new ArrayList<>()).add(listing);
			}
			else if (mapping.mapTo(request.propertyId(), now)) {
				changes.computeIfAbsent("remapped", k -> new ArrayList<>()).add(listing);
			}
			if (request.importUrl() != null) {
				String url = request.importUrl().strip();
				mapping.sealImportUrl(url.isEmpty() ? null : secrets.sealImportUrl(mapping, url),
						url.isEmpty() ? null : host(url), now);
				changes.computeIfAbsent("importUrlChanged", k -> new ArrayList<>()).add(listing);
			}
			requireImportUrl(integration, mapping);
			mappings.save(mapping);
		}
		if (removeOthers) {
			for (ListingMapping mapping : stored.values()) {
				if (!kept.contains(mapping.externalListingId())) {
					mappings.delete(mapping);
					changes.computeIfAbsent("removed", k -> new ArrayList<>()).add(mapping.externalListingId());
				}
			}
		}
		if (!changes.isEmpty()) {
			audit.record("integration.mappings.changed", "integration:" + type.path(), changes);
		}
		return mappings.findByIntegrationIdOrderByExternalListingId(integration.id());
	}

	/**
	 * The listings of this channel that read the same feed as another listing, of any
	 * channel: each booking in it would be imported twice, and conflict with itself. One
	 * group per shared feed, each listing as "channel listing"; the URL itself is never
	 * part of it (it carries the channel's secret token).
	 */
	@Transactional(readOnly = true)
	public List<List<String>> sameFeeds(ChannelType type) {
		Map<String, List<String>> byFeed = new LinkedHashMap<>();
		Map<String, Boolean> concernsType = new HashMap<>();
		List<Integration> all = new ArrayList<>(integrations.findAll());
		all.sort(Comparator.comparing(Integration::type));
		for (Integration integration : all) {
			for (ListingMapping mapping : mappings.findByIntegrationIdOrderByExternalListingId(integration.id())) {
				String url;
				try {
					url = secrets.importUrl(mapping);
				}
				catch (VaultException unreadable) {
					continue;
				}
				if (url == null) {
					continue;
				}
				String feed = url.strip();
				byFeed.computeIfAbsent(feed, k -> new ArrayList<>())
					.add(integration.type().path() + " " + mapping.externalListingId());
				concernsType.merge(feed, integration.type() == type, Boolean::logicalOr);
			}
		}
		return byFeed.entrySet()
			.stream()
			.filter(e -> e.getValue().size() > 1 && concernsType.get(e.getKey()))
			.map(Map.Entry::getValue)
			.toList();
	}

	/**
	 * Issues a new export token for a listing; the old feed URL stops working at once,
	 * and the new one counts as not read until a channel reads it.
	 */
	@Transactional
	public ListingMapping regenerateExportToken(ChannelType type, String externalListingId) {
		Integration integration = integrations.findByType(type)
			.orElseThrow(() -> new NotFoundException("The " + type.path() + " integration is not configured."));
		ListingMapping mapping = mappings.findByIntegrationIdAndExternalListingId(integration.id(), externalListingId)
			.orElseThrow(() -> new NotFoundException("Listing '" + externalListingId + "' is not mapped."));
		mapping.replaceExportToken(exportToken(), clock.instant());
		mapping = mappings.save(mapping);
		mappings.forgetExportFetch(mapping.id());
		audit.record("integration.export-token.regenerated", "integration:" + type.path(),
				Map.of("externalListingId", externalListingId));
		return mappings.findById(mapping.id()).orElseThrow();
	}

	private void check(Integration integration, List<MappingRequest> requested) {
		List<FieldProblem> problems = new ArrayList<>();
		if (requested.size() > MAX_MAPPINGS) {
			throw InvalidInputException
				.of(List.of(new FieldProblem("mappings", "at most " + MAX_MAPPINGS + " per request")));
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < requested.size(); i++) {
			MappingRequest request = requested.get(i);
			if (request.importUrl() != null && !request.importUrl().isBlank()
					&& !ImportUrls.acceptable(request.importUrl())) {
				throw InvalidInputException.of(List.of(new FieldProblem("[" + i + "].importUrl",
						"must be an http or https URL without a user name or password, at most 2048 characters")));
			}
			if (!seen.add(request.externalListingId().strip())) {
				problems.add(new FieldProblem("[" + i + "].externalListingId",
						"listing '" + request.externalListingId().strip() + "' is mapped more than once"));
			}
		}
		Set<UUID> wanted = requested.stream().map(MappingRequest::propertyId).collect(Collectors.toSet());
		Set<UUID> known = properties.findAll(wanted).stream().map(PropertyRef::id).collect(Collectors.toSet());
		for (int i = 0; i < requested.size(); i++) {
			if (!known.contains(requested.get(i).propertyId())) {
				problems
					.add(new FieldProblem("[" + i + "].propertyId", "listing '" + requested.get(i).externalListingId()
							+ "' is mapped to property " + requested.get(i).propertyId() + ", which does not exist"));
			}
		}
		if (!problems.isEmpty()) {
			throw InvalidInputException.unprocessable(problems);
		}
	}

	private static void requireImportUrl(Integration integration, ListingMapping mapping) {
		if (integration.mode() == ChannelMode.ICAL && !mapping.importUrlConfigured()) {
			throw InvalidInputException.unprocessable(List.of(new FieldProblem("importUrl", "listing '"
					+ mapping.externalListingId() + "' needs the URL of its iCal feed (importUrl) in iCal mode")));
		}
	}

	private String exportToken() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String host(String url) {
		try {
			return new URI(url).getHost().toLowerCase(Locale.ROOT);
		}
		catch (URISyntaxException | NullPointerException unexpected) {
			return null;
		}
	}

	/**
	 * One listing to map; {@code importUrl} {@code null} keeps the stored one, "" removes
	 * it.
	 */
	public record MappingRequest(String externalListingId, UUID propertyId, String importUrl) {

		@Override
		public String toString() {
			return "MappingRequest[" + externalListingId + " -> " + propertyId + ", importUrl hidden]";
		}

	}

}
