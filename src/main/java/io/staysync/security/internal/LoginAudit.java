package io.staysync.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.staysync.audit.AuditLog;

/**
 * Console sign-ins and sign-outs, and every rejected password or API token, go to the
 * audit trail. Successful HTTP Basic and token calls are not logins and are not recorded
 * one by one.
 *
 * <p>
 * A failed sign-in names the account only when the typed name is one: anything else typed
 * into the name field (a password, by mistake) is never stored. Failures are written one
 * by one up to {@code audited-failures-per-minute} for each account (and for all unknown
 * names together, and all API tokens together); beyond that they are counted, and the
 * next one written says how many were left out, so a guessing run cannot flood the trail.
 * Every failure is also counted in the {@value #FAILURES} metric, by method.
 */
@Component
class LoginAudit {

	static final String FAILURES = "staysync.sign-in.failures";

	static final String UNKNOWN_NAME = "[unknown name]";

	static final String API_TOKEN = "[api token]";

	private final AuditLog audit;

	private final UserAccountRepository users;

	private final MeterRegistry meters;

	private final Clock clock;

	private final int perMinute;

	/**
	 * Per actor (an account, every unknown name together, every API token together); the
	 * busiest kept.
	 */
	private final Map<String, Minute> minutes = new LinkedHashMap<>(16, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Minute> eldest) {
			return size() > 1_000;
		}
	};

	LoginAudit(AuditLog audit, UserAccountRepository users, ObjectProvider<MeterRegistry> meters, Clock clock,
			LoginSettings settings) {
		this.audit = audit;
		this.users = users;
		this.meters = meters.getIfAvailable(SimpleMeterRegistry::new);
		this.clock = clock;
		this.perMinute = settings.auditedFailuresPerMinute();
	}

	@EventListener
	void on(InteractiveAuthenticationSuccessEvent event) {
		String user = event.getAuthentication().getName();
		audit.recordAs(user, "login.succeeded", "user:" + user, Map.of());
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		Authentication attempt = event.getAuthentication();
		boolean password = attempt instanceof UsernamePasswordAuthenticationToken;
		meters.counter(FAILURES, "method", password ? "password" : "api-token").increment();
		String actor = password ? accountName(attempt.getPrincipal()) : API_TOKEN;
		int leftOutBefore = admit(actor);
		if (leftOutBefore < 0) {
			return;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("reason", event.getException().getClass().getSimpleName());
		if (attempt.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null) {
			details.put("address", web.getRemoteAddress());
		}
		if (leftOutBefore > 0) {
			details.put("failuresNotRecordedBefore", leftOutBefore);
		}
		audit.recordAs(actor, "login.failed", "user:" + actor, details);
	}

	@EventListener
	void on(LogoutSuccessEvent event) {
		String user = event.getAuthentication().getName();
		audit.recordAs(user, "logout", "user:" + user, Map.of());
	}

	/**
	 * The account's email when the typed name is one; otherwise nothing of what was
	 * typed.
	 */
	private String accountName(Object typed) {
		return LoginNames.normalise(typed instanceof String name ? name : null)
			.filter(users::existsByEmail)
			.orElse(UNKNOWN_NAME);
	}

	/**
	 * -1 when this failure is over the actor's limit this minute, else how many were left
	 * out before it.
	 */
	private synchronized int admit(String actor) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
		Minute current = minutes.computeIfAbsent(actor, key -> new Minute());
		if (!now.equals(current.start)) {
			current.start = now;
			current.written = 0;
		}
		if (current.written >= perMinute) {
			current.leftOut++;
			return -1;
		}
		current.written++;
		int before = current.leftOut;
		current.leftOut = 0;
		return before;
	}

	private static final class Minute {

		private Instant start = Instant.EPOCH;

		private int written;

		private int leftOut;

	}

}
