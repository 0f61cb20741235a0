package io.staysync.common;

/** Well-formed, but refers to something that makes it impossible to carry out: 422. */
public class UnprocessableException extends DomainException {

	public UnprocessableException(String message) {
		super(message);
	}

}
