package io.staysync.common.http;

/**
 * The validators of the copy a caller already has, sent as {@code If-None-Match} and
 * {@code If-Modified-Since} so that an unchanged resource costs a 304 instead of a
 * download. Either may be null (or blank): it is then not sent.
 */
public record Conditional(String etag, String lastModified) {

	private static final Conditional NONE = new Conditional(null, null);

	/** An unconditional fetch: the first one, or after the stored copy was lost. */
	public static Conditional none() {
		return NONE;
	}

	boolean hasEtag() {
		return etag != null && !etag.isBlank();
	}

	boolean hasLastModified() {
		return lastModified != null && !lastModified.isBlank();
	}

}
