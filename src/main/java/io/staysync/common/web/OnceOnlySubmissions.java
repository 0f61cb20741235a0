package io.staysync.common.web;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * One-time tokens that make a double-submitted console form create nothing twice. Every page
 * rendered hands out a token; a form sends it back as {@value #FIELD}; the first post that
 * presents it consumes it, any later post with the same token is told it was already done.
 * Tokens live in the session (the newest {@value #KEPT} of them), so they need no table and
 * die with the session.
 */
@Component
public class OnceOnlySubmissions {

	public static final String FIELD = "_once";

	static final int KEPT = 64;

	private static final String ATTRIBUTE = OnceOnlySubmissions.class.getName();

	private final SecureRandom random = new SecureRandom();

	public String issue(HttpServletRequest request) {
		byte[] bytes = new byte[18];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		HttpSession session = request.getSession();
		synchronized (session) {
			Set<String> open = open(session);
			open.add(token);
			while (open.size() > KEPT) {
				open.remove(open.iterator().next());
			}
			session.setAttribute(ATTRIBUTE, open);
		}
		return token;
	}

	/** True exactly once per issued token. */
	public boolean firstTime(HttpServletRequest request) {
		String token = request.getParameter(FIELD);
		HttpSession session = request.getSession(false);
		if (token == null || session == null) {
			return false;
		}
		synchronized (session) {
			Set<String> open = open(session);
			boolean first = open.remove(token);
			session.setAttribute(ATTRIBUTE, open);
			return first;
		}
	}

	@SuppressWarnings("unchecked")
	private static Set<String> open(HttpSession session) {
		Object stored = session.getAttribute(ATTRIBUTE);
		return stored instanceof Set<?> set ? (Set<String>) set : new LinkedHashSet<>();
	}

}
