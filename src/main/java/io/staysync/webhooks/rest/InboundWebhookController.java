package io.staysync.webhooks.rest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.staysync.channels.ChannelType;
import io.staysync.common.NotFoundException;
import io.staysync.webhooks.internal.WebhookInbox;
import io.staysync.webhooks.internal.WebhookRefused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * {@code POST /api/integrations/{airbnb|bookingcom}/webhook}: public, and trusted only
 * once its Standard Webhooks signature is verified on the raw body. Answers 202 at once;
 * a redelivered event id is answered 200 and changes nothing.
 */
@RestController
class InboundWebhookController {

	private final WebhookInbox inbox;

	InboundWebhookController(WebhookInbox inbox) {
		this.inbox = inbox;
	}

	@Operation(summary = "Receives a channel's signed webhook")
	@ApiResponse(responseCode = "202", description = "Accepted for processing")
	@ApiResponse(responseCode = "200", description = "Already received before (a repeat)")
	@ApiResponse(responseCode = "400", description = "The body is not a readable event")
	@ApiResponse(responseCode = "401", description = "The signature does not verify")
	@ApiResponse(responseCode = "404", description = "No channel of this type takes webhooks")
	@ApiResponse(responseCode = "413", description = "The body is too large")
	@PostMapping(path = "/api/integrations/{type}/webhook", consumes = "*/*")
	ResponseEntity<WebhookInbox.Receipt> receive(@PathVariable String type,
			@RequestHeader(name = "webhook-id", required = false) String id,
			@RequestHeader(name = "webhook-timestamp", required = false) String timestamp,
			@RequestHeader(name = "webhook-signature", required = false) String signature,
			@RequestBody(required = false) byte[] body) {
		ChannelType channel = ChannelType.fromPath(type);
		if (channel == ChannelType.ICAL) {
			throw new NotFoundException("iCal calendars send no webhooks; only airbnb and bookingcom receive them.");
		}
		WebhookInbox.Receipt receipt = inbox.receive(channel, id, timestamp, signature,
				body == null ? new byte[0] : body);
		return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(receipt);
	}

	@ExceptionHandler(WebhookRefused.class)
	ResponseEntity<ProblemDetail> refused(WebhookRefused refused) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, refused.getMessage()));
	}

}
