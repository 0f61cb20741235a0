package io.staysync.channels;

import java.util.List;

/**
 * The outcome of really calling a channel: whether it worked, a sentence a manager
 * understands, and details (one line per feed or endpoint checked).
 */
public record ConnectionCheck(boolean ok, String message, List<String> details) {

	public static ConnectionCheck passed(String message, List<String> details) {
		return new ConnectionCheck(true, message, List.copyOf(details));
	}

	public static ConnectionCheck failed(String message, List<String> details) {
		return new ConnectionCheck(false, message, List.copyOf(details));
	}

}
