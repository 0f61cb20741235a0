package io.staysync.common.http;

import java.net.URI;
import java.util.Map;

/**
 * A request to a partner API (a channel's REST or XML endpoint) through
 * {@link GuardedHttpClient#call(ApiCall)}: a method, headers (an {@code Authorization}
 * among them is never logged) and an optional body. Redirects are not followed: an API
 * that redirects is answering with an error.
 *
 * @param body the request body, or {@code null} for none
 * @param contentType the body's media type, ignored without a body
 */
public record ApiCall(String method, URI url, Map<String, String> headers, byte[] body, String contentType) {

	public ApiCall {
		headers = headers == null ? Map.of() : Map.copyOf(headers);
	}

	public static ApiCall get(URI url, Map<String, String> headers) {
		return new ApiCall("GET", url, headers, null, null);
	}

	public static ApiCall post(URI url, Map<String, String> headers, byte[] body, String contentType) {
		return new ApiCall("POST", url, headers, body, contentType);
	}

	/** Leaves out the headers, the body and the URL's query, which may carry secrets. */
	@Override
	public String toString() {
		return "ApiCall[" + method + " " + (url == null ? null : url.getHost()) + "]";
	}

}
