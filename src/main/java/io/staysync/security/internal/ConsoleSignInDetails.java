package io.staysync.security.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The client address of a console sign-in, and whether the name as typed is refused. The
 * login form trims the name before anything else sees it, which would turn a leading or
 * trailing control character into a valid spelling; this looks at the name as sent.
 */
class ConsoleSignInDetails extends WebAuthenticationDetails {

	private static final long serialVersionUID = 1L;

	private final boolean nameRefused;

	ConsoleSignInDetails(HttpServletRequest request) {
		super(request);
		String typed = request.getParameter("username");
		this.nameRefused = typed != null && LoginNames.normalise(typed).isEmpty();
	}

	boolean nameRefused() {
		return nameRefused;
	}

}
