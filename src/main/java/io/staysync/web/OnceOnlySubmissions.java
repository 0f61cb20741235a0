package io.staysync.web;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * One-time tokens that make a double-submitted console form create nothing twice. Every
 * page rendered hands out a token; a form sends it back as {@value #FIELD}; the first
 * post that presents it consumes it. A second post with a consumed token is a repeat
 * (nothing is done again); a post with a token this session does not know (an old tab, an
 * expired session) is shown its form again to send once more, so nothing typed is lost.
 * Tokens live in the session (the newest {@value #KEPT} open and consumed ones), so they
 * need no table and die with it.
 */
@Component
public class OnceOnlySubmissions {

	public static final String FIELD = "_once";

	static final int KEPT = 64;

	/** What a form says when its token is unknown. */
	static final String EXPIRED = "This form was open for a long time or in another session; nothing was saved yet."
			+ " Check it and send it again.";

	private static final String OPEN = OnceOnlySubmissions.class.getName() + ".open";

	private static final String USED = OnceOnlySubmissions.class.getName() + ".used";

	private final SecureRandom random = new SecureRandom();

	/** What a post's token says about it. */
	public enum Submission {

		/** The token was handed out and not used yet: do it. */
		FIRST,
		/** The token was used already: a double submit, do nothing again. */
		REPEATED,
		/** No token, or one this session never handed out or has forgotten: ask again. */
		UNKNOWN

	}

	public String issue(HttpServletRequest request) {
		byte[] bytes = new byte[18];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		HttpSession session = request.getSession();
		synchronized (session) {
			remember(session, OPEN, token);
		}
		return token;
	}

	/**
	 * Lets a creating form through the first time only: empty for a first submission;
	 * otherwise the view to answer with instead, a redirect to {@code afterRepeat} saying
	 * it was already done, or the form again ({@code formAgain}) saying to send it once
	 * more.
	 */
	public Optional<String> refusal(HttpServletRequest request, BindingResult form, RedirectAttributes redirect,
			String afterRepeat, Supplier<String> formAgain) {
		return switch (check(request)) {
			case FIRST -> Optional.empty();
			case REPEATED -> {
				redirect.addFlashAttribute("warning", "This form was already sent; it was saved only once.");
				yield Optional.of("redirect:" + afterRepeat);
			}
			case UNKNOWN -> {
				form.reject("expired", EXPIRED);
				yield Optional.of(formAgain.get());
			}
		};
	}

	public Submission check(HttpServletRequest request) {
		String token = request.getParameter(FIELD);
		HttpSession session = request.getSession(false);
		if (token == null || session == null) {
			return Submission.UNKNOWN;
		}
		synchronized (session) {
			Set<String> open = tokens(session, OPEN);
			if (open.remove(token)) {
				session.setAttribute(OPEN, open);
				remember(session, USED, token);
				return Submission.FIRST;
			}
			return tokens(session, USED).contains(token) ? Submission.REPEATED : Submission.UNKNOWN;
		}
	}

	private static void remember(HttpSession session, String attribute, String token) {
		Set<String> tokens = tokens(session, attribute);
		tokens.add(token);
		while (tokens.size() > KEPT) {
			tokens.remove(tokens.iterator().next());
		}
		session.setAttribute(attribute, tokens);
	}

	@SuppressWarnings("unchecked")
	private static Set<String> tokens(HttpSession session, String attribute) {
		Object stored = session.getAttribute(attribute);
		return stored instanceof Set<?> set ? (Set<String>) set : new LinkedHashSet<>();
	}

}
