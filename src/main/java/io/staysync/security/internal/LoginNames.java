package io.staysync.security.internal;

import java.util.Optional;

/**
 * The one spelling of a typed sign-in name under which an account is looked up, its
 * failures counted and its lock checked: without surrounding whitespace, in lower case. A
 * name with a control or invisible formatting character is no one's email and is refused
 * outright, so that no other spelling of an account's name can reach it while its
 * failures count elsewhere.
 */
final class LoginNames {

	private LoginNames() {
	}

	/** The normalised name, or empty when the typed one is refused. */
	static Optional<String> normalise(String typed) {
		if (typed == null || typed.codePoints().anyMatch(LoginNames::unprintable)) {
			return Optional.empty();
		}
		String name = UserAccount.normalizeEmail(typed);
		return name.isEmpty() ? Optional.empty() : Optional.of(name);
	}

	private static boolean unprintable(int codePoint) {
		int type = Character.getType(codePoint);
		return Character.isISOControl(codePoint) || type == Character.FORMAT || type == Character.UNASSIGNED
				|| type == Character.PRIVATE_USE || type == Character.SURROGATE;
	}

}
