package io.staysync.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * How the console tells an htmx request (a dialog, a panel, a poll that swaps part of a
 * page) from a full page load: htmx sends {@code HX-Request} with every request it makes.
 * Such requests get fragments, no form token, and 401 instead of a login redirect.
 */
public final class Htmx {

	private Htmx() {
	}

	public static boolean isHtmx(HttpServletRequest request) {
		return request.getHeader("HX-Request") != null;
	}

}
