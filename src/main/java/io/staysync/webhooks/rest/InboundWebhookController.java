package io.staysync.webhooks.rest;

import java.util.Map;

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
import io.staysync.webhooks.internal.NotificationTooLarge;
import io.staysync.webhooks.internal.WebhookInbox;
import io.staysync.webhooks.internal.WebhookRefused;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * {@code POST /api/integrations/{airbnb|bookingcom}/webhook}: public, and trusted only
 * once its Standard Webhooks signature is verified on the raw body. Answers 202 at once;
 * a redelivered event id is answered 200 and changes nothing. The Airbnb route also takes
 * Airbnb's own notifications (no Standard Webhooks header at all) while Airbnb is in API
 * mode: answered {@code 200 {"succeed": true}} as Airbnb expects, trusted for nothing but
 * what to read again from Airbnb's API.
 */
@RestController
class InboundWebhookController {

	/** Airbnb's acknowledgement of a notification, stored or already stored alike. */
	static final Map<String, Boolean> SUCCEED = Map.of("succeed", true);

	private final WebhookInbox inbox;

	InboundWebhookController(WebhookInbox inbox) {
		this.inbox = inbox;
	}

	@Operation(summary = "Receives a channel's signed webhook")
	@ApiResponse(responseCode = "202", description = "Accepted for processing")
	@ApiResponse(responseCode = "200",
			description = "Already received before (a repeat); or an Airbnb-format notification, stored once:"
					+ " {\"succeed\": true}")
	@ApiResponse(responseCode = "400", description = "The body is not a readable event")
	@ApiResponse(responseCode = "401", description = "The signature does not verify")
	@ApiResponse(responseCode = "404", description = "No channel of this type takes webhooks")
	@ApiResponse(responseCode = "413", description = "The body is too large")
	@PostMapping(path = "/api/integrations/{type}/webhook", consumes = "*/*")
	ResponseEntity<?> receive(@PathVariable String type,
			@RequestHeader(name = "webhook-id", required = false) String id,
			@RequestHeader(name = "webhook-timestamp", required = false) String timestamp,
			@RequestHeader(name = "webhook-signature", required = false) String signature,
			@RequestBody(required = false) byte[] body) {
		ChannelType channel = ChannelType.fromPath(type);
		if (channel == ChannelType.ICAL) {
			throw new NotFoundException("iCal calendars send no webhooks; only airbnb and bookingcom receive them.");
		}
		if (channel == ChannelType.AIRBNB && id == null && timestamp == null && signature == null) {
			inbox.receiveAirbnb(body == null ? new byte[0] : body);
			return ResponseEntity.ok().body(SUCCEED);
		}
		WebhookInbox.Receipt receipt = inbox.receive(channel, id, timestamp, signature,
				body == null ? new byte[0] : body);
		return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(receipt);
	}

	@ExceptionHandler(NotificationTooLarge.class)
	ResponseEntity<ProblemDetail> tooLarge(NotificationTooLarge tooLarge) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage()));
	}

	@ExceptionHandler(WebhookRefused.class)
	ResponseEntity<ProblemDetail> refused(WebhookRefused refused) {
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, refused.getMessage()));
	}

}
