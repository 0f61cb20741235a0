package io.staysync.common;

/**
 * A failure whose message is written for the client: it is shown verbatim in the problem
 * detail, so it must never carry a secret or an internal identifier the caller cannot see.
 */
public abstract class DomainException extends RuntimeException {

	protected DomainException(String message) {
		super(message);
	}

}
