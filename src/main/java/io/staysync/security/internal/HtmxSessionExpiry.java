package io.staysync.security.internal;

import java.io.IOException;
import java.net.URI;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import io.staysync.web.Htmx;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * When a session has expired, a page request goes to the login page (which brings the
 * user back afterwards). But an htmx request (a dialog, a live sync row) must not get the
 * login page swapped into a corner of the page. It gets 401 and an {@code HX-Redirect} to
 * the page the user is on: the browser loads that page, the normal login redirect
 * remembers it, and after signing in the user is back where they were.
 */
class HtmxSessionExpiry implements AuthenticationEntryPoint {

	private final AuthenticationEntryPoint pages;

	HtmxSessionExpiry(AuthenticationEntryPoint pages) {
		this.pages = pages;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException, ServletException {
		if (!Htmx.isHtmx(request)) {
			pages.commence(request, response, e);
			return;
		}
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader("HX-Redirect", samePage(request));
	}

	private static String samePage(HttpServletRequest request) {
		String current = request.getHeader("HX-Current-URL");
		if (current != null) {
			try {
				URI uri = URI.create(current);
				// Only a path of this application: the header is client input.
				if (request.getServerName().equalsIgnoreCase(uri.getHost()) && uri.getRawPath() != null
						&& uri.getRawPath().startsWith("/") && !uri.getRawPath().startsWith("//")) {
					return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
				}
			}
			catch (IllegalArgumentException ignored) {
				// not a URL: fall through to the login page
			}
		}
		return request.getContextPath() + "/login";
	}

}
