package io.staysync.common;

/**
 * The request clashes with the current state (a duplicate, a stale version, an overlap):
 * 409.
 */
public class ConflictException extends DomainException {

	public ConflictException(String message) {
		super(message);
	}

}
