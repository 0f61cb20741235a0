package io.staysync.webhooks.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Describes the outbound webhook messages in the OpenAPI document's {@code webhooks}
 * section: one entry per event type, each a POST with the Standard Webhooks headers and
 * the {@code {type, timestamp, data}} body. The schema is the one docs/webhooks.md
 * explains; fields are only ever added.
 */
@Component
class WebhookDocumentation implements OpenApiCustomizer {

	@Override
	public void customise(OpenAPI openApi) {
		Map<String, Schema<?>> data = new LinkedHashMap<>();
		data.put("booking.created", booking());
		data.put("booking.updated",
				booking().addProperty("changes", new ArraySchema().items(new StringSchema()))
					.addProperty("previousCheckIn", date())
					.addProperty("previousCheckOut", date()));
		data.put("booking.cancelled", booking());
		data.put("conflict.detected", object("conflictId", "propertyId", "bookingId", "otherBookingId"));
		data.put("conflict.resolved", object("conflictId", "propertyId"));
		data.put("sync.failed", object("integrationId", "channel", "failedAt", "error"));
		data.put("integration.status_changed",
				object("integrationId", "channel", "previousStatus", "status", "message"));
		data.put("webhook.test", object("subscriptionId", "message"));
		data.forEach((type, schema) -> openApi.addWebhooks(type, new PathItem().post(delivery(type, schema))));
	}

	private static Operation delivery(String type, Schema<?> data) {
		Schema<?> body = new ObjectSchema().addProperty("type", new StringSchema()._enum(List.of(type)))
			.addProperty("timestamp", new StringSchema().format("date-time"))
			.addProperty("data", data);
		return new Operation().summary("Staysync posts a " + type + " message")
			.description("Signed with the subscription's secret (Standard Webhooks); see docs/webhooks.md.")
			.addParametersItem(header("webhook-id", "The message id, the same on every retry and resend"))
			.addParametersItem(header("webhook-timestamp", "Unix seconds of this attempt"))
			.addParametersItem(header("webhook-signature",
					"v1,<base64 HMAC-SHA256 of id.timestamp.body>; two, separated by a space, during a rotation"))
			.requestBody(new RequestBody().required(true)
				.content(new Content().addMediaType("application/json", new MediaType().schema(body))))
			.responses(new ApiResponses()
				.addApiResponse("2XX", new ApiResponse().description("Received; any other answer is a failure"))
				.addApiResponse("410", new ApiResponse().description("Gone: Staysync switches the subscription off")));
	}

	private static Parameter header(String name, String description) {
		return new Parameter().in("header")
			.name(name)
			.required(true)
			.description(description)
			.schema(new StringSchema());
	}

	private static Schema<?> booking() {
		return object("bookingId", "propertyId", "kind", "status", "source", "integrationId")
			.addProperty("checkIn", date())
			.addProperty("checkOut", date())
			.addProperty("version", new IntegerSchema().format("int64")
				.description("Grows with every stored change; drop a message older than one applied"));
	}

	private static Schema<?> object(String... fields) {
		ObjectSchema schema = new ObjectSchema();
		for (String field : fields) {
			schema.addProperty(field, new StringSchema());
		}
		return schema;
	}

	private static Schema<?> date() {
		return new StringSchema().format("date");
	}

}
