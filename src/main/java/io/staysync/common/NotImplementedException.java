package io.staysync.common;

/**
 * The request is valid, but this version cannot carry it out yet (no connector, no
 * engine): 501.
 */
public class NotImplementedException extends DomainException {

	public NotImplementedException(String message) {
		super(message);
	}

}
