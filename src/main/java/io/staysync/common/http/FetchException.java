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

	private final byte[] errorBody;

	public FetchException(FetchFailure failure, String message) {
		this(failure, message, null, null, null);
	}

	public FetchException(FetchFailure failure, String message, Integer httpStatus, Duration retryAfter) {
		this(failure, message, httpStatus, retryAfter, null, null);
	}

	/**
	 * An error status of a partner API call, with the start of the body it came with.
	 */
	public FetchException(FetchFailure failure, String message, Integer httpStatus, Duration retryAfter,
			byte[] errorBody) {
		this(failure, message, httpStatus, retryAfter, errorBody, null);
	}

	FetchException(FetchFailure failure, String message, Throwable cause) {
		this(failure, message, null, null, null, cause);
	}

	private FetchException(FetchFailure failure, String message, Integer httpStatus, Duration retryAfter,
			byte[] errorBody, Throwable cause) {
		super(message, cause);
		this.failure = failure;
		this.httpStatus = httpStatus;
		this.retryAfter = retryAfter;
		this.errorBody = errorBody == null ? new byte[0] : errorBody.clone();
	}

	public FetchFailure failure() {
		return failure;
	}

	/** The status of an {@link FetchFailure#HTTP_ERROR}, otherwise null. */
	public Integer httpStatus() {
		return httpStatus;
	}

	/**
	 * How long the server asked to wait ({@code Retry-After} with an error status),
	 * otherwise null.
	 */
	public Duration retryAfter() {
		return retryAfter;
	}

	/**
	 * The start (at most {@value GuardedHttpClient#ERROR_BODY_LIMIT} bytes) of the body
	 * of an error status answered to a partner API call ({@link GuardedHttpClient#call}),
	 * which such APIs use to say what was wrong; empty otherwise. Never part of the
	 * message: the caller decides what of it a person may read.
	 */
	public byte[] errorBody() {
		return errorBody.clone();
	}

}
