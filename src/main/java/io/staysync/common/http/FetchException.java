package io.staysync.common.http;

import java.time.Duration;

/**
 * A fetch that did not produce a response. The message is written for a property manager
 * and names at most the host: never the path or query of the URL, which often carry an
 * access token.
 */
public class FetchException extends Exception {

	private final FetchFailure failure;

	private final Integer httpStatus;

	private final Duration retryAfter;

	public FetchException(FetchFailure failure, String message) {
		this(failure, message, null, null, null);
	}

	public FetchException(FetchFailure failure, String message, Integer httpStatus, Duration retryAfter) {
		this(failure, message, httpStatus, retryAfter, null);
	}

	FetchException(FetchFailure failure, String message, Throwable cause) {
		this(failure, message, null, null, cause);
	}

	private FetchException(FetchFailure failure, String message, Integer httpStatus, Duration retryAfter,
			Throwable cause) {
		super(message, cause);
		this.failure = failure;
		this.httpStatus = httpStatus;
		this.retryAfter = retryAfter;
	}

	public FetchFailure failure() {
		return failure;
	}

	/** The status of an {@link FetchFailure#HTTP_ERROR}, otherwise null. */
	public Integer httpStatus() {
		return httpStatus;
	}

	/**
	 * How long the server asked to wait ({@code Retry-After} on 429 and 503), otherwise
	 * null.
	 */
	public Duration retryAfter() {
		return retryAfter;
	}

}
