package io.staysync.security.internal;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every password sign-in, console form and HTTP Basic alike: the typed name is normalised
 * once ({@link LoginNames}), and the throttle is asked, the account looked up and a
 * failure counted under that one name and the client's address. A refusal by the throttle
 * comes before any lookup, and reads the same for every name, with an account or without.
 */
class ThrottledPasswordAuthentication implements AuthenticationProvider {

	/**
	 * The message of every throttled refusal; the answer pages and problems key on the
	 * exception, not on this.
	 */
	static final String THROTTLED = "Too many failed sign-ins for this name or from this address";

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	ThrottledPasswordAuthentication(AuthenticationProvider passwords, LoginThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		UsernamePasswordAuthenticationToken attempt = (UsernamePasswordAuthenticationToken) authentication;
		String address = clientAddress(attempt);
		Optional<String> name = LoginNames.normalise(attempt.getPrincipal() instanceof String typed ? typed : null)
			.filter(normalised -> !(attempt.getDetails() instanceof ConsoleSignInDetails console
					&& console.nameRefused()));
		if (throttle.refusedUntil(name.orElse(null), address).isPresent()) {
			throw new LockedException(THROTTLED);
		}
		if (name.isEmpty()) {
			throttle.failed(null, address);
			throw new BadCredentialsException("Refused sign-in name");
		}
		UsernamePasswordAuthenticationToken normalised = UsernamePasswordAuthenticationToken.unauthenticated(name.get(),
				attempt.getCredentials());
		normalised.setDetails(attempt.getDetails());
		try {
			Authentication signedIn = passwords.authenticate(normalised);
			throttle.succeeded(name.get(), address);
			return signedIn;
		}
		catch (AuthenticationException failed) {
			throttle.failed(name.get(), address);
			throw failed;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static String clientAddress(Authentication attempt) {
		return attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
	}

}
