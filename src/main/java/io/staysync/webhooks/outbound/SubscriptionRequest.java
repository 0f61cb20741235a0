package io.staysync.webhooks.outbound;

import java.util.List;

/**
 * What an administrator asks of a subscription. On create, {@code targetUrl} and
 * {@code eventTypes} are required and {@code active} defaults to true; on update, a null
 * field is left as it is.
 */
public record SubscriptionRequest(String targetUrl, List<String> eventTypes, String description, Boolean active) {
}
