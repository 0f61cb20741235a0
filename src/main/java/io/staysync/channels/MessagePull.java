package io.staysync.channels;

import java.util.List;

/**
 * What one pull of a channel that delivers messages until they are acknowledged returned:
 * every message waiting for the integration's machine account, oldest first, whatever
 * listing it is for.
 *
 * @param messages the messages, in the order they are to be applied
 * @param problem why the pull failed or was incomplete, in words a manager understands;
 * {@code null} when it worked
 * @param requestIds the channel's ids of the requests made (Booking.com's RUIDs), which
 * its support asks for
 */
public record MessagePull(List<ChannelMessage> messages, String problem, List<String> requestIds) {

	public MessagePull {
		messages = List.copyOf(messages);
		requestIds = List.copyOf(requestIds);
	}

	public static MessagePull failed(String problem, List<String> requestIds) {
		return new MessagePull(List.of(), problem, requestIds);
	}

	/** Whether nothing was pulled at all: the messages it has are all there is. */
	public boolean failed() {
		return problem != null && messages.isEmpty();
	}

}
