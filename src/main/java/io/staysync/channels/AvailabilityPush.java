package io.staysync.channels;

import java.time.Duration;

/**
 * What a channel answered to an availability push: taken, failed (with the reason and,
 * when the channel said so, how long to wait), or not something this connector does at
 * all.
 */
public record AvailabilityPush(Outcome outcome, String problem, Duration retryAfter) {

	public enum Outcome {

		PUSHED, FAILED, NOT_SUPPORTED

	}

	public static AvailabilityPush pushed() {
		return new AvailabilityPush(Outcome.PUSHED, null, null);
	}

	public static AvailabilityPush failed(String problem) {
		return new AvailabilityPush(Outcome.FAILED, problem, null);
	}

	public static AvailabilityPush failed(String problem, Duration retryAfter) {
		return new AvailabilityPush(Outcome.FAILED, problem, retryAfter);
	}

	public static AvailabilityPush notSupported(String reason) {
		return new AvailabilityPush(Outcome.NOT_SUPPORTED, reason, null);
	}

}
