package io.staysync.channels;

import java.util.List;

/**
 * What a channel said to the acknowledgement of messages whose bookings were committed. A
 * message it did not take comes back with a later pull and is applied again, which
 * changes nothing.
 *
 * @param acknowledged the ids of the messages the channel took off its queue
 * @param problem why some or all were not taken, or {@code null}
 * @param requestIds the channel's ids of the requests made
 */
public record Acknowledgement(List<String> acknowledged, String problem, List<String> requestIds) {

	public Acknowledgement {
		acknowledged = List.copyOf(acknowledged);
		requestIds = List.copyOf(requestIds);
	}

	public static Acknowledgement nothing() {
		return new Acknowledgement(List.of(), null, List.of());
	}

}
