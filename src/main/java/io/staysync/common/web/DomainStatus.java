package io.staysync.common.web;

import org.springframework.http.HttpStatus;

import io.staysync.common.ConflictException;
import io.staysync.common.DomainException;
import io.staysync.common.ForbiddenException;
import io.staysync.common.InvalidInputException;
import io.staysync.common.NotFoundException;
import io.staysync.common.NotImplementedException;
import io.staysync.common.TooLargeException;

/**
 * The HTTP status of each kind of domain refusal, written once for the API's problem
 * details and the console's error pages alike.
 */
public final class DomainStatus {

	private DomainStatus() {
	}

	public static HttpStatus of(DomainException exception) {
		if (exception instanceof NotFoundException) {
			return HttpStatus.NOT_FOUND;
		}
		if (exception instanceof ForbiddenException) {
			return HttpStatus.FORBIDDEN;
		}
		if (exception instanceof ConflictException) {
			return HttpStatus.CONFLICT;
		}
		if (exception instanceof TooLargeException) {
			return HttpStatus.CONTENT_TOO_LARGE;
		}
		if (exception instanceof NotImplementedException) {
			return HttpStatus.NOT_IMPLEMENTED;
		}
		if (exception instanceof InvalidInputException invalid && !invalid.unprocessable()) {
			return HttpStatus.BAD_REQUEST;
		}
		return HttpStatus.UNPROCESSABLE_CONTENT;
	}

}
