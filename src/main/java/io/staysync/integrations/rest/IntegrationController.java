package io.staysync.integrations.rest;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.channels.ConnectionCheck;
import io.staysync.integrations.SyncHistory;
import io.staysync.integrations.internal.ConnectionTests;
import io.staysync.integrations.internal.IntegrationConfiguration;
import io.staysync.integrations.internal.IntegrationManagement;
import io.staysync.integrations.internal.MappingManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

/**
 * The integrations API (configure, test, status, detail). {@code {type}} is
 * {@code airbnb}, {@code booking_com} (also {@code bookingcom}) or {@code ical}.
 */
@RestController
@RequestMapping("/api/integrations")
class IntegrationController {

	private static final String OPERATORS = "hasAnyRole('ADMIN', 'MANAGER')";

	private final IntegrationManagement integrations;

	private final ConnectionTests tests;

	private final MappingManagement mappings;

	private final ObjectProvider<SyncHistory> history;

	IntegrationController(IntegrationManagement integrations, ConnectionTests tests, MappingManagement mappings,
			ObjectProvider<SyncHistory> history) {
		this.integrations = integrations;
		this.tests = tests;
		this.mappings = mappings;
		this.history = history;
	}

	@Operation(summary = "The status of every channel integration")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@GetMapping("/status")
	List<IntegrationView> status() {
		return Arrays.stream(ChannelType.values())
			.map(type -> integrations.find(type).map(IntegrationView::of).orElse(IntegrationView.notConfigured(type)))
			.toList();
	}

	@Operation(summary = "One channel integration, without its secrets")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "404", description = "No channel of this type")
	@GetMapping("/{type}")
	IntegrationDetail detail(@PathVariable String type) {
		ChannelType channel = ChannelType.fromPath(type);
		return integrations.find(channel)
			.map(integration -> new IntegrationDetail(IntegrationView.of(integration), mappings.count(integration),
					recentSyncs(integration.id())))
			.orElse(new IntegrationDetail(IntegrationView.notConfigured(channel), 0, List.of()));
	}

	@Operation(summary = "Configures a channel: mode, credentials, interval")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "400", description = "Invalid input; the problem names each field")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "403", description = "Signed in without the role: ADMIN")
	@ApiResponse(responseCode = "404", description = "No channel of this type")
	@ApiResponse(responseCode = "422",
			description = "The configuration cannot be used (for example an unavailable mode)")
	@PostMapping("/{type}/configure")
	@PreAuthorize("hasRole('ADMIN')")
	ConfigureResponse configure(@PathVariable String type, @Valid @RequestBody ConfigureRequest request) {
		IntegrationManagement.Configured configured = integrations.configure(ChannelType.fromPath(type),
				request.toConfiguration());
		return new ConfigureResponse(IntegrationView.of(configured.integration()), configured.generatedWebhookSecret());
	}

	@Operation(summary = "Tests the stored connection of a channel")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "403", description = "Signed in without the role: ADMIN or MANAGER")
	@ApiResponse(responseCode = "404", description = "No channel of this type")
	@ApiResponse(responseCode = "409", description = "The channel is not configured yet")
	@PostMapping("/{type}/test")
	@PreAuthorize(OPERATORS)
	TestResponse test(@PathVariable String type) {
		ConnectionTests.Tested tested = tests.test(ChannelType.fromPath(type));
		return new TestResponse(tested.check().ok(), tested.check().message(), tested.check().details(),
				IntegrationView.of(tested.integration()));
	}

	private List<?> recentSyncs(UUID integrationId) {
		SyncHistory syncs = history.getIfAvailable();
		return syncs == null ? List.of() : syncs.recent(integrationId, 20);
	}

	/** The configure body; omitted fields keep their stored values. */
	record ConfigureRequest(String apiKey, String apiSecret, String webhookSecret, String webhookUrl, Boolean isActive,
			ChannelMode mode, @Valid Settings settings) {

		IntegrationConfiguration toConfiguration() {
			return new IntegrationConfiguration(apiKey, apiSecret, webhookSecret, webhookUrl, isActive, mode,
					settings == null ? null : settings.syncIntervalMinutes());
		}

		@Override
		public String toString() {
			return "ConfigureRequest[mode=" + mode + ", isActive=" + isActive + ", secrets hidden]";
		}

	}

	/** Settings of an integration: how often it syncs, in minutes (1 to 1440). */
	record Settings(Integer syncIntervalMinutes) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ConfigureResponse(@JsonUnwrapped IntegrationView integration, String generatedWebhookSecret) {

		@Override
		public String toString() {
			return "ConfigureResponse[" + integration.type() + "]";
		}

	}

	record TestResponse(boolean ok, String message, List<String> details, IntegrationView integration) {
	}

	record IntegrationDetail(@JsonUnwrapped IntegrationView integration, long mappedListings, List<?> recentSyncs) {
	}

}
