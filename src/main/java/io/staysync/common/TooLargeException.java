package io.staysync.common;

/**
 * Input larger than this instance accepts at once (too many rows, too many bytes): 413,
 * with the limit named so that the client knows how to split it.
 */
public class TooLargeException extends DomainException {

	public TooLargeException(String message) {
		super(message);
	}

}
