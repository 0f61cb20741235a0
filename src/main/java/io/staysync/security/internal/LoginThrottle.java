package io.staysync.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@code max-failures} wrong passwords in a row for one email
 * (console or HTTP Basic), password sign-in for that email is refused for {@code lockout},
 * whatever the password, and says so. A correct password before that resets the count. API
 * tokens are not throttled: they are random 256-bit values, not guessable.
 *
 * Counts are kept per instance, in memory (at most {@value #TRACKED} emails, the oldest
 * forgotten first): behind a load balancer an attacker gets the limit once per instance, which
 * still turns millions of guesses into a handful.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	static final int TRACKED = 10_000;

	private final int maxFailures;

	private final Duration lockout;

	private final Clock clock = Clock.systemUTC();

	private final Map<String, Failures> failures = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
			return size() > TRACKED;
		}
	};

	LoginThrottle(@Value("${staysync.security.login.max-failures:5}") int maxFailures,
			@Value("${staysync.security.login.lockout:15m}") Duration lockout) {
		this.maxFailures = maxFailures;
		this.lockout = lockout;
	}

	/** Until when password sign-in for this email is refused, if it is. */
	synchronized Optional<Instant> lockedUntil(String email) {
		Failures current = failures.get(key(email));
		if (current == null || current.lockedUntil() == null) {
			return Optional.empty();
		}
		if (!current.lockedUntil().isAfter(clock.instant())) {
			failures.remove(key(email));
			return Optional.empty();
		}
		return Optional.of(current.lockedUntil());
	}

	@EventListener
	void on(AuthenticationFailureBadCredentialsEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken attempt
				&& attempt.getPrincipal() instanceof String email) {
			failed(email);
		}
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken signedIn) {
			synchronized (this) {
				failures.remove(key(signedIn.getName()));
			}
		}
	}

	private synchronized void failed(String email) {
		Failures current = failures.getOrDefault(key(email), new Failures(0, null));
		if (current.lockedUntil() != null) {
			return;
		}
		int count = current.count() + 1;
		Instant until = count >= maxFailures ? clock.instant().plus(lockout) : null;
		failures.put(key(email), new Failures(until == null ? count : 0, until));
		if (until != null) {
			log.warn("Password sign-in for {} refused until {} after {} wrong passwords in a row", key(email), until, count);
		}
	}

	private static String key(String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	private record Failures(int count, Instant lockedUntil) {
	}

}
