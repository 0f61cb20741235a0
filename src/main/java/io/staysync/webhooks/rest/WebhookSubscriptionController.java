package io.staysync.webhooks.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.staysync.common.PageResponse;
import io.staysync.webhooks.outbound.Delivery;
import io.staysync.webhooks.outbound.DeliveryLog;
import io.staysync.webhooks.outbound.SubscriptionManagement;
import io.staysync.webhooks.outbound.SubscriptionManagement.WithSecret;
import io.staysync.webhooks.outbound.SubscriptionRequest;
import io.staysync.webhooks.outbound.WebhookSubscription;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Outbound webhook subscriptions and their delivery log, for administrators. The secret
 * is in the answer to create and rotate only; every other answer says which secret is in
 * use by its last four characters.
 */
@RestController
@RequestMapping("/api/webhooks/subscriptions")
@PreAuthorize("hasRole('ADMIN')")
class WebhookSubscriptionController {

	private final SubscriptionManagement subscriptions;

	private final DeliveryLog deliveries;

	WebhookSubscriptionController(SubscriptionManagement subscriptions, DeliveryLog deliveries) {
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
	}

	@Operation(summary = "Every webhook subscription")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "403", description = "Only an administrator manages webhooks")
	@GetMapping
	List<SubscriptionView> list() {
		return subscriptions.list().stream().map(SubscriptionView::of).toList();
	}

	@Operation(summary = "Subscribes a URL to event types; the answer holds the signing secret, shown this once",
			description = "eventTypes: booking.created, booking.updated, booking.cancelled, conflict.detected, "
					+ "conflict.resolved, sync.failed, integration.status_changed, or * for all. The URL must be "
					+ "http(s) on a public address; it is checked again at every delivery.")
	@ApiResponse(responseCode = "201", description = "Created; secret holds whsec_… (shown once)")
	@ApiResponse(responseCode = "400", description = "Invalid input; the problem names each field")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	SubscriptionWithSecret create(@RequestBody SubscriptionRequest request) {
		return SubscriptionWithSecret.of(subscriptions.create(request));
	}

	@Operation(summary = "One subscription")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "404", description = "No such subscription")
	@GetMapping("/{id}")
	SubscriptionView get(@PathVariable UUID id) {
		return SubscriptionView.of(subscriptions.get(id));
	}

	@Operation(summary = "Changes the URL, event types, description or active flag; omitted fields stay")
	@ApiResponse(responseCode = "200", description = "Changed")
	@ApiResponse(responseCode = "400", description = "Invalid input; the problem names each field")
	@ApiResponse(responseCode = "404", description = "No such subscription")
	@PatchMapping("/{id}")
	SubscriptionView update(@PathVariable UUID id, @RequestBody SubscriptionRequest request) {
		return SubscriptionView.of(subscriptions.update(id, request));
	}

	@Operation(summary = "Removes a subscription and its delivery log")
	@ApiResponse(responseCode = "204", description = "Removed")
	@ApiResponse(responseCode = "404", description = "No such subscription")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		subscriptions.delete(id);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "A new signing secret, shown this once; the old one keeps signing beside it for the overlap",
			description = "During the overlap (staysync.webhooks.outbound.rotation-overlap, 24 h by default) "
					+ "webhook-signature carries two signatures separated by a space.")
	@ApiResponse(responseCode = "200", description = "Rotated; secret holds the new whsec_… (shown once)")
	@ApiResponse(responseCode = "404", description = "No such subscription")
	@PostMapping("/{id}/rotate-secret")
	SubscriptionWithSecret rotate(@PathVariable UUID id) {
		return SubscriptionWithSecret.of(subscriptions.rotate(id));
	}

	@Operation(summary = "The subscription's deliveries, newest first")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "400", description = "Invalid input (page below 0, size outside 1 to 100)")
	@ApiResponse(responseCode = "404", description = "No such subscription")
	@GetMapping("/{id}/deliveries")
	PageResponse<Delivery> deliveries(@PathVariable UUID id, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
		return deliveries.page(id, page, size);
	}

	@Operation(summary = "One delivery, with its body while it is kept (7 days)")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "404", description = "No such subscription or delivery")
	@GetMapping("/{id}/deliveries/{deliveryId}")
	Delivery delivery(@PathVariable UUID id, @PathVariable UUID deliveryId) {
		return deliveries.get(id, deliveryId);
	}

	@Operation(summary = "Sends a delivery again, with the same webhook-id and body")
	@ApiResponse(responseCode = "202", description = "Queued")
	@ApiResponse(responseCode = "409", description = "Still being sent, or its body is no longer kept")
	@PostMapping("/{id}/deliveries/{deliveryId}/resend")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Delivery resend(@PathVariable UUID id, @PathVariable UUID deliveryId) {
		return deliveries.resend(id, deliveryId);
	}

	@Operation(summary = "Queues a webhook.test event for this subscription")
	@ApiResponse(responseCode = "202", description = "Queued")
	@ApiResponse(responseCode = "404", description = "No such subscription")
	@PostMapping("/{id}/test")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Delivery test(@PathVariable UUID id) {
		return deliveries.sendTest(id);
	}

	/** A subscription without its secrets. */
	record SubscriptionView(UUID id, URI targetUrl, List<String> eventTypes, String description, boolean active,
			@Schema(description = "The last 4 characters of the current secret") String secretHint,
			@Schema(description = "Until when the previous secret also signs, during a rotation") Instant previousSecretUntil,
			Instant failingSince, String disabledReason, Instant createdAt, Instant updatedAt) {

		static SubscriptionView of(WebhookSubscription s) {
			return new SubscriptionView(s.id(), s.targetUrl(), s.eventTypes(), s.description(), s.active(),
					s.secretHint(), s.previousSecretUntil(), s.failingSince(), s.disabledReason(), s.createdAt(),
					s.updatedAt());
		}

	}

	/** The answer to create and rotate: the only time the secret is shown. */
	record SubscriptionWithSecret(SubscriptionView subscription,
			@Schema(description = "whsec_ and the base64 of 32 random bytes; store it now") String secret) {

		static SubscriptionWithSecret of(WithSecret created) {
			return new SubscriptionWithSecret(SubscriptionView.of(created.subscription()), created.secret());
		}

	}

}
