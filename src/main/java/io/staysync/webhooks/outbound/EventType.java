package io.staysync.webhooks.outbound;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events a subscription can ask for, by the names receivers see in {@code type}.
 * {@code *} in a subscription stands for all of them, also those added later.
 */
public enum EventType {

	BOOKING_CREATED("booking.created"), BOOKING_UPDATED("booking.updated"), BOOKING_CANCELLED("booking.cancelled"),
	CONFLICT_DETECTED("conflict.detected"), CONFLICT_RESOLVED("conflict.resolved"), SYNC_FAILED("sync.failed"),
	INTEGRATION_STATUS_CHANGED("integration.status_changed"),
	/** Only ever sent on request, from the console or the API: never by a change. */
	TEST("webhook.test");

	/** Subscribes to every event type. */
	public static final String ALL = "*";

	private final String wireName;

	EventType(String wireName) {
		this.wireName = wireName;
	}

	public String wireName() {
		return wireName;
	}

	/** The type a subscription may name: every one but the test event. */
	static Optional<EventType> subscribable(String name) {
		return Arrays.stream(values()).filter(type -> type != TEST && type.wireName.equals(name)).findFirst();
	}

	@Override
	public String toString() {
		return wireName;
	}

}
