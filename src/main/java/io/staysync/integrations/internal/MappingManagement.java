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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
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
import io.staysync.common.TooLargeException;
import io.staysync.properties.PropertyCatalog;
import io.staysync.properties.PropertyRef;
import io.staysync.security.vault.VaultException;

/**
 * Maps channel listings to properties. {@link #replace} makes the stored set exactly the
 * one given; {@link #merge} adds or remaps the listings given and leaves the others (the
 * optional {@code propertyMapping} of a sync request); {@link #put} and {@link #remove}
 * change one listing, for integrations with more listings than one request carries.
 * Refusals name the listing at fault and store nothing. Only what changed is written and
 * audited.
 */
@Service
public class MappingManagement {

	static final String IMPORT_URL_RULE = "must be an http or https URL without a user name or password, at most 2048 characters";

	private final SecureRandom random = new SecureRandom();

	private final IntegrationRepository integrations;

	private final ListingMappingRepository mappings;

	private final IntegrationSecrets secrets;

	private final PropertyCatalog properties;

	private final AuditLog audit;

	private final Clock clock;

	private final MappingSettings settings;

	MappingManagement(IntegrationRepository integrations, ListingMappingRepository mappings, IntegrationSecrets secrets,
			PropertyCatalog properties, AuditLog audit, Clock clock, MappingSettings settings) {
		this.settings = settings;
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

	/** The listings of one integration mapped to one property. */
	@Transactional(readOnly = true)
	public List<ListingMapping> listOfProperty(Integration integration, UUID propertyId) {
		return mappings.findByIntegrationIdAndPropertyIdOrderByExternalListingId(integration.id(), propertyId);
	}

	@Transactional
	public List<ListingMapping> replace(ChannelType type, List<MappingRequest> requested) {
		Integration integration = apply(type, requested, true);
		return mappings.findByIntegrationIdOrderByExternalListingId(integration.id());
	}

	@Transactional
	public List<ListingMapping> merge(ChannelType type, List<MappingRequest> requested) {
		Integration integration = apply(type, requested, false);
		return mappings.findByIntegrationIdOrderByExternalListingId(integration.id());
	}

	/**
	 * Saves one page of the mapping dialog: maps the listings given (as {@link #merge})
	 * and unmaps those {@code unmapped}, audited as one change; the listings of other
	 * pages stay.
	 */
	@Transactional
	public long savePage(ChannelType type, List<MappingRequest> requested, List<String> unmapped) {
		Integration integration = configured(type);
		apply(type, requested, false);
		List<String> removed = new ArrayList<>();
		for (String listing : unmapped) {
			mappings.findByIntegrationIdAndExternalListingId(integration.id(), listing).ifPresent(mapping -> {
				mappings.delete(mapping);
				removed.add(listing);
			});
		}
		if (!removed.isEmpty()) {
			audit(type, Map.of("removed", removed));
		}
		return mappings.countByIntegrationId(integration.id());
	}

	/** The listing's mapping, if it is mapped. */
	@Transactional(readOnly = true)
	public Optional<ListingMapping> find(ChannelType type, String externalListingId) {
		return integrations.findByType(type)
			.flatMap(integration -> mappings.findByIntegrationIdAndExternalListingId(integration.id(),
					externalListingId));
	}

	/**
	 * Maps one listing, creating its mapping or replacing its property and feed URL,
	 * checked exactly as a listing of {@link #replace}; the other listings stay.
	 */
	@Transactional
	public Stored put(ChannelType type, MappingRequest request) {
		Integration integration = configured(type);
		check(List.of(request), i -> "");
		Map<String, List<String>> changes = new LinkedHashMap<>();
		String listing = request.externalListingId().strip();
		Stored stored = store(integration,
				mappings.findByIntegrationIdAndExternalListingId(integration.id(), listing).orElse(null), request,
				clock.instant(), changes);
		audit(type, changes);
		return stored;
	}

	/** Unmaps one listing; its bookings stay. */
	@Transactional
	public void remove(ChannelType type, String externalListingId) {
		Integration integration = integrations.findByType(type)
			.orElseThrow(() -> new NotFoundException("The " + type.path() + " integration is not configured."));
		ListingMapping mapping = mappings.findByIntegrationIdAndExternalListingId(integration.id(), externalListingId)
			.orElseThrow(() -> new NotFoundException("Listing '" + externalListingId + "' is not mapped."));
		mappings.delete(mapping);
		audit(type, Map.of("removed", List.of(externalListingId)));
	}

	/**
	 * Stores the requests; only the whole set's replacement reads every stored mapping.
	 */
	private Integration apply(ChannelType type, List<MappingRequest> requested, boolean removeOthers) {
		Integration integration = configured(type);
		if (requested.size() > settings.maxPerRequest()) {
			throw new TooLargeException("A request may carry at most " + settings.maxPerRequest()
					+ " mappings; this one has " + requested.size() + ". Map more listings one at a time (PUT "
					+ ".../mappings/{externalListingId}) or import them from CSV (POST .../mappings/import).");
		}
		check(requested, i -> "[" + i + "].");
		Instant now = clock.instant();
		Map<String, ListingMapping> stored = removeOthers ? storedMappings(integration)
				: requested.isEmpty() ? Map.of()
						: mappings
							.findByIntegrationIdAndExternalListingIdIn(integration.id(),
									requested.stream().map(request -> request.externalListingId().strip()).toList())
							.stream()
							.collect(Collectors.toMap(ListingMapping::externalListingId, Function.identity()));
		Map<String, List<String>> changes = new LinkedHashMap<>();
		Set<String> kept = new HashSet<>();
		for (MappingRequest request : requested) {
			String listing = request.externalListingId().strip();
			kept.add(listing);
			store(integration, stored.get(listing), request, now, changes);
		}
		if (removeOthers) {
			for (ListingMapping mapping : stored.values()) {
				if (!kept.contains(mapping.externalListingId())) {
					mappings.delete(mapping);
					changes.computeIfAbsent("removed", k -> new ArrayList<>()).add(mapping.externalListingId());
				}
			}
		}
		audit(type, changes);
		return integration;
	}

	Integration configured(ChannelType type) {
		return integrations.findByType(type)
			.orElseThrow(() -> new ConflictException("The " + type.path()
					+ " integration is not configured yet; configure it before mapping listings."));
	}

	/** The integration's mappings by listing id. */
	Map<String, ListingMapping> storedMappings(Integration integration) {
		return mappings.findByIntegrationIdOrderByExternalListingId(integration.id())
			.stream()
			.collect(Collectors.toMap(ListingMapping::externalListingId, Function.identity()));
	}

	/**
	 * Stores one checked request over the listing's stored mapping ({@code null}: none
	 * yet), writing only when something changed, and notes the change under "added",
	 * "remapped" or "importUrlChanged". A feed URL equal to the stored one is no change.
	 */
	Stored store(Integration integration, ListingMapping stored, MappingRequest request, Instant now,
			Map<String, List<String>> changes) {
		Stored result = storeUnsaved(integration, stored, request, now, changes);
		return result.change() == Change.UNCHANGED ? result
				: new Stored(mappings.save(result.mapping()), result.change());
	}

	/**
	 * As {@link #store}, leaving the write to the caller (who writes many at once): the
	 * mapping is to be saved unless it is {@link Change#UNCHANGED}.
	 */
	Stored storeUnsaved(Integration integration, ListingMapping stored, MappingRequest request, Instant now,
			Map<String, List<String>> changes) {
		String listing = request.externalListingId().strip();
		ListingMapping mapping = stored;
		boolean created = mapping == null;
		boolean changed = created;
		if (created) {
			mapping = ListingMapping.create(integration.id(), listing, request.propertyId(), exportToken(), now);
			changes.computeIfAbsent("added", k -> new ArrayList<>()).add(listing);
		}
		else if (mapping.mapTo(request.propertyId(), now)) {
			changes.computeIfAbsent("remapped", k -> new ArrayList<>()).add(listing);
			changed = true;
		}
		if (request.importUrl() != null && importUrlChanges(mapping, request.importUrl().strip())) {
			String url = request.importUrl().strip();
			mapping.sealImportUrl(url.isEmpty() ? null : secrets.sealImportUrl(mapping, url),
					url.isEmpty() ? null : host(url), now);
			changes.computeIfAbsent("importUrlChanged", k -> new ArrayList<>()).add(listing);
			changed = true;
		}
		requireImportUrl(integration, mapping);
		return new Stored(mapping, created ? Change.CREATED : changed ? Change.UPDATED : Change.UNCHANGED);
	}

	private boolean importUrlChanges(ListingMapping mapping, String url) {
		if (!mapping.importUrlConfigured()) {
			return !url.isEmpty();
		}
		if (url.isEmpty()) {
			return true;
		}
		try {
			return !url.equals(secrets.importUrl(mapping));
		}
		catch (VaultException unreadable) {
			return true;
		}
	}

	void audit(ChannelType type, Map<String, List<String>> changes) {
		if (!changes.isEmpty()) {
			audit.record("integration.mappings.changed", "integration:" + type.path(), changes);
		}
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

	/**
	 * Refuses the whole request when one of its mappings is malformed, names a listing
	 * twice or a property that does not exist; {@code field} prefixes each field name
	 * with the mapping's place in the request.
	 */
	private void check(List<MappingRequest> requested, IntFunction<String> field) {
		List<FieldProblem> problems = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < requested.size(); i++) {
			MappingRequest request = requested.get(i);
			Optional<String> malformed = problem(request);
			if (malformed.isPresent()) {
				throw InvalidInputException
					.of(List.of(new FieldProblem(field.apply(i) + "importUrl", malformed.get())));
			}
			if (!seen.add(request.externalListingId().strip())) {
				problems.add(new FieldProblem(field.apply(i) + "externalListingId",
						"listing '" + request.externalListingId().strip() + "' is mapped more than once"));
			}
		}
		Set<UUID> wanted = requested.stream().map(MappingRequest::propertyId).collect(Collectors.toSet());
		Set<UUID> known = properties.findAll(wanted).stream().map(PropertyRef::id).collect(Collectors.toSet());
		for (int i = 0; i < requested.size(); i++) {
			if (!known.contains(requested.get(i).propertyId())) {
				problems.add(new FieldProblem(field.apply(i) + "propertyId",
						"listing '" + requested.get(i).externalListingId() + "' is mapped to property "
								+ requested.get(i).propertyId() + ", which does not exist"));
			}
		}
		if (!problems.isEmpty()) {
			throw InvalidInputException.unprocessable(problems);
		}
	}

	/** What is wrong with a request's feed URL, if anything. */
	static Optional<String> problem(MappingRequest request) {
		if (request.importUrl() != null && !request.importUrl().isBlank()
				&& !ImportUrls.acceptable(request.importUrl())) {
			return Optional.of(IMPORT_URL_RULE);
		}
		return Optional.empty();
	}

	static void requireImportUrl(Integration integration, ListingMapping mapping) {
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

	/** What storing one mapping did to it. */
	public enum Change {

		CREATED, UPDATED, UNCHANGED

	}

	/** A mapping as stored, and what storing it changed. */
	public record Stored(ListingMapping mapping, Change change) {
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
