package io.staysync.integrations.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import io.staysync.channels.ChannelConnector;
import io.staysync.channels.ChannelConnectors;
import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.channels.ConnectionCheck;
import io.staysync.common.ConflictException;
import io.staysync.common.InvalidInputException;
import io.staysync.common.NotImplementedException;
import io.staysync.common.RunMode;
import io.staysync.common.TooLargeException;
import io.staysync.integrations.IntegrationStatus;
import io.staysync.integrations.SyncInterval;
import io.staysync.integrations.SyncRecovery;
import io.staysync.integrations.internal.AccountListingOffers;
import io.staysync.integrations.internal.ConnectionTests;
import io.staysync.integrations.internal.Integration;
import io.staysync.integrations.internal.IntegrationManagement;
import io.staysync.integrations.internal.ListingMapping;
import io.staysync.integrations.internal.ImportReport;
import io.staysync.integrations.internal.MappingImport;
import io.staysync.integrations.internal.MappingManagement;
import io.staysync.integrations.internal.MappingSearch;
import io.staysync.integrations.internal.OAuthConnections;
import io.staysync.properties.PropertyCatalog;
import io.staysync.properties.PropertyRef;
import io.staysync.web.ConsoleController;
import io.staysync.web.FormProblems;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The integrations page: a card per channel with its status, a configure dialog with a
 * connection test, and a sync dialog that maps listings to properties and starts a run.
 * The sync history and the run's progress are the sync module's fragments, loaded into
 * this page by htmx.
 */
@ConsoleController
class IntegrationPages {

	static final String CHANGED = "integration-changed";

	static final String IMPORTED = "mappings-imported";

	static final int MAPPINGS_PER_PAGE = 25;

	/** Export links a card shows; an integration may have tens of thousands. */
	static final int CARD_LINKS = 20;

	private final IntegrationManagement integrations;

	private final ConnectionTests tests;

	private final MappingManagement mappings;

	private final PropertyCatalog properties;

	private final ChannelConnectors connectors;

	private final OAuthConnections connections;

	private final AccountListingOffers offers;

	private final MappingSearch search;

	private final MappingImport imports;

	private final Clock clock;

	private final boolean demo;

	private final ObjectProvider<SyncRecovery> recovery;

	IntegrationPages(IntegrationManagement integrations, ConnectionTests tests, MappingManagement mappings,
			PropertyCatalog properties, ChannelConnectors connectors, OAuthConnections connections,
			AccountListingOffers offers, MappingSearch search, MappingImport imports, Clock clock, RunMode runMode,
			ObjectProvider<SyncRecovery> recovery) {
		this.search = search;
		this.imports = imports;
		this.recovery = recovery;
		this.connections = connections;
		this.offers = offers;
		this.clock = clock;
		this.demo = runMode.demo();
		this.connectors = connectors;
		this.integrations = integrations;
		this.tests = tests;
		this.mappings = mappings;
		this.properties = properties;
	}

	@GetMapping("/integrations")
	String page(Model model) {
		model.addAttribute("cards", Arrays.stream(ChannelType.values()).map(this::card).toList());
		return "integrations/page";
	}

	@GetMapping("/integrations/{type}/card")
	String card(@PathVariable String type, Model model) {
		model.addAttribute("card", card(ChannelType.fromPath(type)));
		return "integrations/page :: card";
	}

	@GetMapping("/integrations/{type}/configure")
	@PreAuthorize("hasRole('ADMIN')")
	String configureDialog(@PathVariable String type, Model model) {
		ChannelType channel = ChannelType.fromPath(type);
		Optional<Integration> stored = integrations.find(channel);
		model.addAttribute("form", stored.map(ConfigureForm::of).orElseGet(ConfigureForm::new));
		return configure(model, channel);
	}

	@PostMapping("/integrations/{type}/configure")
	@PreAuthorize("hasRole('ADMIN')")
	String configure(@PathVariable String type, @Validated @ModelAttribute("form") ConfigureForm form,
			BindingResult result, Model model, HttpServletResponse response) {
		ChannelType channel = ChannelType.fromPath(type);
		if (!result.hasErrors()) {
			try {
				IntegrationManagement.Configured configured = integrations.configure(channel, form.toConfiguration());
				response.setHeader("HX-Trigger", CHANGED);
				model.addAttribute("card", card(channel));
				model.addAttribute("generatedWebhookSecret", configured.generatedWebhookSecret());
				return "integrations/dialogs :: configured";
			}
			catch (InvalidInputException e) {
				FormProblems.report(e, result, IntegrationPages::formField);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return configure(model, channel);
	}

	/**
	 * Tests the connection and answers inside the dialog it was asked from, whatever the
	 * outcome. Sent from the configure form with values that differ from the saved ones
	 * (another mode, a new key or secret), it tests those without storing them or the
	 * outcome; otherwise it tests the saved setup and records the outcome on the card.
	 */
	@PostMapping("/integrations/{type}/test")
	@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
	String test(@PathVariable String type, @RequestParam(required = false) ChannelMode mode,
			@RequestParam(required = false) String apiKey, @RequestParam(required = false) String apiSecret,
			Model model, HttpServletResponse response) {
		ChannelType channel = ChannelType.fromPath(type);
		Optional<Integration> stored = integrations.find(channel);
		boolean unsaved = mode != null
				&& (stored.isEmpty() || stored.get().mode() != mode || filled(apiKey) || filled(apiSecret));
		model.addAttribute("unsaved", unsaved);
		if (unsaved) {
			model.addAttribute("check", tests.testUnsaved(channel, mode, apiKey, apiSecret));
			return "integrations/dialogs :: tested";
		}
		try {
			ConnectionTests.Tested tested = tests.test(channel);
			response.setHeader("HX-Trigger", CHANGED);
			model.addAttribute("check", tested.check());
		}
		catch (ConflictException | NotImplementedException cannot) {
			model.addAttribute("check", ConnectionCheck.failed(cannot.getMessage(), List.of()));
		}
		return "integrations/dialogs :: tested";
	}

	private static boolean filled(String value) {
		return value != null && !value.isBlank();
	}

	/**
	 * A new export link for one listing; the old one stops working at once (the page asks
	 * first). Answers the card, with the new link in it.
	 */
	@PostMapping("/integrations/{type}/export-link")
	@PreAuthorize("hasRole('ADMIN')")
	String regenerateExportLink(@PathVariable String type, @RequestParam String listing, Model model) {
		ChannelType channel = ChannelType.fromPath(type);
		mappings.regenerateExportToken(channel, listing);
		model.addAttribute("card", card(channel));
		model.addAttribute("regenerated", listing);
		return "integrations/page :: card";
	}

	/** The dialog of "Sync now": starts a run of the saved mapping and follows it. */
	@GetMapping("/integrations/{type}/sync-dialog")
	@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
	String syncDialog(@PathVariable String type, Model model) {
		model.addAttribute("card", card(ChannelType.fromPath(type)));
		return "integrations/dialogs :: syncing";
	}

	/**
	 * The dialog of "Sync all": a run of every configured channel with a mapped listing,
	 * each followed on its own.
	 */
	@GetMapping("/integrations/sync-all")
	@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
	String syncAllDialog(Model model) {
		model.addAttribute("cards",
				Arrays.stream(ChannelType.values())
					.map(this::card)
					.filter(card -> card.configured() && card.mappedListings() > 0)
					.toList());
		return "integrations/dialogs :: syncing-all";
	}

	/**
	 * The mapping dialog, one page of the mappings at a time; with {@code listing} (the
	 * "Map" action of a reservation waiting for its room), that listing comes as a new
	 * row to choose a property for, unless it is mapped already.
	 */
	@GetMapping("/integrations/{type}/mapping")
	@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
	String mappingDialog(@PathVariable String type, @RequestParam(required = false) String listing,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		ChannelType channel = ChannelType.fromPath(type);
		MappingRows form = mappingPage(channel, q, page, model);
		if (listing != null && !listing.isBlank() && mappings.find(channel, listing.strip()).isEmpty()) {
			MappingRows.Row row = new MappingRows.Row();
			row.setExternalListingId(listing.strip());
			form.getRows().add(row);
			model.addAttribute("focusRow", form.getRows().size() - 1);
		}
		if (form.getRows().isEmpty()) {
			form.getRows().add(new MappingRows.Row());
		}
		return mapping(model, channel);
	}

	/** Another page of the mappings, or those matching a search, into the open dialog. */
	@GetMapping("/integrations/{type}/mapping/page")
	@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
	String mappingPage(@PathVariable String type, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		ChannelType channel = ChannelType.fromPath(type);
		MappingRows form = mappingPage(channel, q, page, model);
		if (form.getRows().isEmpty() && (q == null || q.isBlank())) {
			form.getRows().add(new MappingRows.Row());
		}
		mapping(model, channel);
		return "integrations/dialogs :: mapping-page";
	}

	private MappingRows mappingPage(ChannelType channel, String q, int page, Model model) {
		Page<ListingMapping> stored = search.page(channel, q, Math.max(page, 0), MAPPINGS_PER_PAGE);
		MappingRows form = MappingRows.of(stored.getContent());
		form.setPaged(true);
		form.setShown(stored.getContent().stream().map(ListingMapping::externalListingId).toList());
		model.addAttribute("form", form);
		model.addAttribute("mappingPage", stored);
		model.addAttribute("q", q == null ? "" : q.strip());
		return form;
	}

	@PostMapping("/integrations/{type}/mapping")
	@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
	String map(@PathVariable String type, @Validated @ModelAttribute("form") MappingRows form, BindingResult result,
			Model model, HttpServletResponse response) {
		ChannelType channel = ChannelType.fromPath(type);
		if (form.getRows().isEmpty() && form.removed().isEmpty()) {
			result.reject("empty", "Add at least one listing to sync.");
		}
		if (!result.hasErrors()) {
			try {
				long mapped = form.isPaged() ? mappings.savePage(channel, form.toRequests(), form.removed())
						: mappings.replace(channel, form.toRequests()).size();
				response.setHeader("HX-Trigger", CHANGED);
				model.addAttribute("type", channel.path());
				model.addAttribute("mapped", mapped);
				model.addAttribute("sameFeeds", mappings.sameFeeds(channel));
				return "integrations/dialogs :: mapped";
			}
			catch (InvalidInputException e) {
				FormProblems.report(e, result, IntegrationPages::formField);
			}
			catch (ConflictException | TooLargeException e) {
				result.reject("conflict", e.getMessage());
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("mappingPage", Page.empty());
		model.addAttribute("q", "");
		return mapping(model, channel);
	}

	/**
	 * Maps listings from an uploaded CSV file (or only checks it, as a dry run) and
	 * answers the report: the counts and each refused row with its reason.
	 */
	@PostMapping("/integrations/{type}/mapping/import")
	@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
	String importMappings(@PathVariable String type, @RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "false") boolean dryRun, Model model, HttpServletResponse response)
			throws IOException {
		ChannelType channel = ChannelType.fromPath(type);
		if (file == null || file.isEmpty()) {
			model.addAttribute("importProblem", "Choose a CSV file to import.");
			return "integrations/dialogs :: imported";
		}
		try {
			ImportReport report = imports.run(channel, file.getBytes(), dryRun);
			model.addAttribute("report", report);
			if (!report.dryRun() && report.created() + report.updated() > 0) {
				response.setHeader("HX-Trigger", CHANGED + ", " + IMPORTED);
			}
		}
		catch (InvalidInputException | ConflictException | TooLargeException refused) {
			model.addAttribute("importProblem", refused.getMessage());
		}
		return "integrations/dialogs :: imported";
	}

	/**
	 * The listings of the connected account, loaded into the mapping dialog once it is
	 * open (the channel may be slow): each with its name and the property it is mapped
	 * to, or why they could not be read. Typing an id works either way.
	 */
	@GetMapping("/integrations/{type}/account-listings")
	@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
	String accountListings(@PathVariable String type, Model model) {
		ChannelType channel = ChannelType.fromPath(type);
		AccountListingOffers.Offer offer = offers.offer(channel);
		Map<UUID, String> names = properties
			.findAll(offer.listings()
				.stream()
				.map(AccountListingOffers.OfferedListing::mappedTo)
				.filter(Objects::nonNull)
				.toList())
			.stream()
			.collect(Collectors.toMap(PropertyRef::id, PropertyRef::name));
		model.addAttribute("label", Card.label(channel));
		model.addAttribute("problem", offer.problem());
		model.addAttribute("offered",
				offer.listings()
					.stream()
					.map(listing -> new OfferedListing(listing.externalListingId(), listing.name(),
							listing.mappedTo() == null ? null : names.getOrDefault(listing.mappedTo(), "?")))
					.toList());
		return "integrations/dialogs :: account-listings";
	}

	/**
	 * A listing of the account as the mapping dialog offers it; {@code mappedTo} is the
	 * name of the property it is mapped to, {@code null} when it is not mapped.
	 */
	record OfferedListing(String id, String name, String mappedTo) {
	}

	private String configure(Model model, ChannelType channel) {
		model.addAttribute("card", card(channel));
		ChannelMode chosen = ((ConfigureForm) model.getAttribute("form")).getMode();
		model.addAttribute("modes",
				channel.modes()
					.stream()
					.filter(mode -> mode == chosen || connectors.find(channel, mode).isPresent())
					.toList());
		model.addAttribute("unavailableModes",
				channel.modes()
					.stream()
					.filter(mode -> mode != chosen && connectors.find(channel, mode).isEmpty())
					.toList());
		model.addAttribute("minInterval", SyncInterval.MIN_MINUTES);
		model.addAttribute("maxInterval", SyncInterval.MAX_MINUTES);
		return "integrations/dialogs :: configure";
	}

	private String mapping(Model model, ChannelType channel) {
		model.addAttribute("card", card(channel));
		model.addAttribute("choices", properties.page(PageRequest.of(0, 1000)).getContent());
		model.addAttribute("listsAccount", offers.offered(channel));
		return "integrations/dialogs :: mapping";
	}

	/**
	 * The domain names fields as the API does ({@code [0].propertyId}); the forms nest
	 * them in rows or flatten settings.
	 */
	private static String formField(String field) {
		if (field.startsWith("[")) {
			return "rows" + field;
		}
		return field.equals("settings.syncIntervalMinutes") ? "syncIntervalMinutes" : field;
	}

	private Card card(ChannelType type) {
		boolean oauth = connections.supports(type);
		boolean sandbox = oauth && demo && type == ChannelType.AIRBNB;
		return integrations.find(type)
			.map(integration -> Card.of(type, integration,
					ExportLinks.of(search.page(type, null, 0, CARD_LINKS).getContent(), properties),
					mappings.count(integration),
					new Connection(oauth, sandbox, integration.oauthConnected(), integration.connectedAccount(),
							TokenExpiry.words(integration.tokenExpiresAt(), clock.instant())),
					connectors.find(type, integration.mode()).flatMap(ChannelConnector::pollInterval).orElse(null),
					recoveringUntil(integration.id())))
			.orElseGet(() -> Card.notConfigured(type, new Connection(oauth, sandbox, false, null, null)));
	}

	private Instant recoveringUntil(UUID integrationId) {
		SyncRecovery syncs = recovery.getIfAvailable();
		return syncs == null ? null : syncs.recoveringUntil(integrationId).orElse(null);
	}

	/**
	 * An OAuth connection as the card shows it: whether the channel connects so, whether
	 * this instance offers its sandbox (demo mode), whether tokens are stored, the
	 * account that consented, and the access token's expiry in words. No token, ever.
	 */
	record Connection(boolean oauth, boolean sandbox, boolean connected, String account, String tokenExpiry) {
	}

	/**
	 * What a card shows of an integration; never a secret, only whether one is stored.
	 * The export links are no secret of the channel's: they are Staysync's own, for the
	 * manager to paste into the channel.
	 */
	record Card(ChannelType type, String label, String status, String statusMessage, ChannelMode mode, boolean active,
			boolean apiKeyConfigured, String apiKeyLast4, boolean webhookSecretConfigured, int syncIntervalMinutes,
			Instant lastSyncAt, String lastSyncStatus, String lastSyncError, long mappedListings, boolean configured,
			List<ExportLinks.Link> links, Connection connection, Duration pulledEvery, Instant recoveringUntil) {

		static Card of(ChannelType type, Integration i, List<ExportLinks.Link> links, long mappedListings,
				Connection connection, Duration pulledEvery, Instant recoveringUntil) {
			return new Card(type, label(type), i.status().json(), i.statusMessage(), i.mode(), i.active(),
					i.apiKeyConfigured(), i.apiKeyHint(), i.webhookSecretConfigured(), i.syncIntervalMinutes(),
					i.lastSyncAt(), i.lastSyncStatus() == null ? null : i.lastSyncStatus().json(), i.lastSyncError(),
					mappedListings, true, links, connection, pulledEvery, recoveringUntil);
		}

		static Card notConfigured(ChannelType type, Connection connection) {
			return new Card(type, label(type), IntegrationStatus.NOT_CONFIGURED.json(), null, null, false, false, null,
					false, SyncInterval.DEFAULT_MINUTES, null, null, null, 0, false, List.of(), connection, null, null);
		}

		/**
		 * How often scheduled syncs run: the channel's own pace when it sets one (a
		 * pulled queue), else the integration's interval.
		 */
		public String pace() {
			if (pulledEvery != null) {
				long seconds = pulledEvery.toSeconds();
				return seconds % 60 == 0 ? "every " + seconds / 60 + " min (pulled)"
						: "every " + seconds + " s (pulled)";
			}
			return "every " + syncIntervalMinutes + " min";
		}

		/**
		 * Whether the card shows the OAuth connection (a channel connected by OAuth, in
		 * API mode).
		 */
		public boolean showsConnection() {
			return connection.oauth() && mode == ChannelMode.API;
		}

		public List<String> whereToPaste() {
			return ExportLinks.whereToPaste(type);
		}

		static String label(ChannelType type) {
			return switch (type) {
				case AIRBNB -> "Airbnb";
				case BOOKING_COM -> "Booking.com";
				case ICAL -> "Other iCal calendars (Vrbo, Google, …)";
			};
		}

	}

}
