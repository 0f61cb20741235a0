package io.staysync.common;

/** The caller is known but may not do this, for a reason worth telling them: 403. */
public class ForbiddenException extends DomainException {

	public ForbiddenException(String message) {
		super(message);
	}

}
