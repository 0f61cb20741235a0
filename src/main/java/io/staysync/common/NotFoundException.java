package io.staysync.common;

/** The thing asked for does not exist (or the caller may not know that it does): 404. */
public class NotFoundException extends DomainException {

	public NotFoundException(String message) {
		super(message);
	}

	public static NotFoundException of(String what, Object id) {
		return new NotFoundException(what + " " + id + " was not found");
	}

}
