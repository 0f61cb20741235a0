package io.staysync.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing, for the console and HTTP Basic alike, with two limits:
 * <ul>
 * <li>per sign-in name (normalised by {@link LoginNames}): after {@code max-failures}
 * wrong passwords in a row, password sign-in under that name is refused for
 * {@code lockout}. Names without an account lock the same way, so the answer never tells
 * whether an account exists. A correct password before that starts the count again.</li>
 * <li>per client address: after {@code address-max-failures} failures (any names, no
 * success in between), each further attempt from there must wait {@code address-delay},
 * doubled with every further failure up to {@code address-max-delay}. A stranger who
 * tries many names, or keeps one account locked, is slowed to a handful of tries an hour
 * without touching anybody else.</li>
 * </ul>
 * API tokens are not throttled: they are random 256-bit values, not guessable.
 *
 * Counts are kept per instance, in memory (at most {@value #TRACKED} names and as many
 * addresses, the oldest forgotten first): behind a load balancer an attacker gets the
 * limits once per instance, which still turns millions of guesses into a handful.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	static final int TRACKED = 10_000;

	private final LoginSettings settings;

	private final Clock clock;

	private final Map<String, Failures> names = bounded();

	private final Map<String, Failures> addresses = bounded();

	LoginThrottle(LoginSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Until when a password sign-in under this name from this address is refused, if it
	 * is.
	 * @param name the normalised name, or {@code null} when the typed one was refused
	 * @param address the client's address, or {@code null} when unknown
	 */
	synchronized Optional<Instant> refusedUntil(String name, String address) {
		Instant now = clock.instant();
		Instant until = later(lockedUntil(names, name, now), lockedUntil(addresses, address, now));
		return Optional.ofNullable(until);
	}

	/**
	 * A wrong password, an unknown name or a refused one: counted under the name and the
	 * address.
	 */
	synchronized void failed(String name, String address) {
		Instant now = clock.instant();
		if (name != null) {
			Failures current = current(names, name, now);
			int count = current.count() + 1;
			Instant until = count >= settings.maxFailures() ? now.plus(settings.lockout()) : null;
			names.put(name, new Failures(until == null ? count : 0, until, now));
			if (until != null) {
				log.warn("Password sign-in under one name refused until {} after {} wrong passwords in a row", until,
						count);
			}
		}
		if (address != null) {
			Failures current = current(addresses, address, now);
			int count = current.count() + 1;
			int beyond = count - settings.addressMaxFailures();
			Instant until = beyond >= 0 ? now.plus(delay(beyond)) : null;
			addresses.put(address, new Failures(count, until, now));
			if (beyond == 0) {
				log.warn("Password sign-in from {} slowed down after {} failed sign-ins", address, count);
			}
		}
	}

	/** A right password: the name's count starts again, and so does the address's. */
	synchronized void succeeded(String name, String address) {
		if (name != null) {
			names.remove(name);
		}
		if (address != null) {
			addresses.remove(address);
		}
	}

	/**
	 * {@code address-delay}, doubled for each failure beyond the free ones, at most
	 * {@code address-max-delay}.
	 */
	private Duration delay(int beyond) {
		Duration delay = settings.addressDelay();
		for (int i = 0; i < beyond && delay.compareTo(settings.addressMaxDelay()) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(settings.addressMaxDelay()) < 0 ? delay : settings.addressMaxDelay();
	}

	private Failures current(Map<String, Failures> failures, String key, Instant now) {
		Failures current = failures.get(key);
		if (current == null || forgotten(failures, current, now)) {
			return new Failures(0, null, now);
		}
		return current;
	}

	private Instant lockedUntil(Map<String, Failures> failures, String key, Instant now) {
		Failures current = key == null ? null : failures.get(key);
		if (current == null) {
			return null;
		}
		if (forgotten(failures, current, now)) {
			failures.remove(key);
			return null;
		}
		return current.lockedUntil() != null && current.lockedUntil().isAfter(now) ? current.lockedUntil() : null;
	}

	/**
	 * A name's count is forgotten when its lockout is over (or on a right password); an
	 * address's after a quiet {@code address-memory}, so that its waits do not grow
	 * forever.
	 */
	private boolean forgotten(Map<String, Failures> failures, Failures current, Instant now) {
		boolean lockOver = current.lockedUntil() != null && !current.lockedUntil().isAfter(now);
		return failures == names ? lockOver : !current.last().plus(settings.addressMemory()).isAfter(now);
	}

	private static Instant later(Instant one, Instant other) {
		if (one == null) {
			return other;
		}
		return other == null || one.isAfter(other) ? one : other;
	}

	private static Map<String, Failures> bounded() {
		return new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
				return size() > TRACKED;
			}
		};
	}

	private record Failures(int count, Instant lockedUntil, Instant last) {
	}

}
