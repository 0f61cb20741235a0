package io.staysync.common.http;

/** Why a fetch failed, for callers that react differently (retry, stop, ask the user). */
public enum FetchFailure {

	/** Not an http(s) URL with a host, or it carries a user name or password. */
	INVALID_URL,

	/**
	 * The host is, or resolves to, an address Staysync must not reach (private,
	 * internal).
	 */
	BLOCKED_ADDRESS,

	/** The host name does not exist (or the name service could not answer). */
	UNKNOWN_HOST,

	/** More redirects than allowed. */
	TOO_MANY_REDIRECTS,

	/**
	 * No connection in time, the server stayed silent too long, or the whole fetch took
	 * too long.
	 */
	TIMEOUT,

	/**
	 * The body is larger than the limit, or the head has too many or too long lines;
	 * neither was read beyond the limit.
	 */
	TOO_LARGE,

	/**
	 * The server answered with an error status (see {@link FetchException#httpStatus()}).
	 */
	HTTP_ERROR,

	/** The connection failed or broke off (refused, TLS failure, truncated answer). */
	IO_ERROR

}
