package io.staysync.common.http;

import java.net.URI;

/**
 * A successful fetch: a 2xx with its whole body, or a 304 when the caller's copy is still
 * current. The content is not judged here (an HTML page served with 200 is returned like
 * any other body): that is the parser's job.
 *
 * @param status the HTTP status of the last hop
 * @param body the body, never null; empty for a 304
 * @param contentType the {@code Content-Type} header as sent, or null
 * @param etag the {@code ETag} of the response; for a 304 without one, the one sent
 * @param lastModified the {@code Last-Modified} of the response; for a 304 without one,
 * the one sent
 * @param finalUrl the URL the body came from, after redirects
 */
public record FetchResponse(int status, byte[] body, String contentType, String etag, String lastModified,
		URI finalUrl) {

	public FetchResponse {
		body = body == null ? new byte[0] : body;
	}

	/** The caller's copy is current: there is nothing new to read. */
	public boolean notModified() {
		return status == 304;
	}

	/** Leaves out the body and the URL's query, which may carry a token. */
	@Override
	public String toString() {
		return "FetchResponse[status=" + status + ", bytes=" + body.length + ", contentType=" + contentType + ", etag="
				+ etag + ", lastModified=" + lastModified + ", host=" + (finalUrl == null ? null : finalUrl.getHost())
				+ "]";
	}

}
