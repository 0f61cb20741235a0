package io.staysync.audit.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Which audit events to read: one action, one actor, days from {@code from} to {@code to}
 * (both included, in UTC), and whether sign-ins ({@code login.*}) are wanted. Naming a
 * sign-in action wants them.
 */
public record AuditFilter(String action, String actor, LocalDate from, LocalDate to, boolean signIns) {

	static final String SIGN_IN = "login.";

	boolean includesSignIns() {
		return signIns || (action != null && action.startsWith(SIGN_IN));
	}

	AuditFilter withSignIns() {
		return new AuditFilter(action, actor, from, to, true);
	}

	void appendTo(StringBuilder where, Map<String, Object> params) {
		if (action != null && !action.isBlank()) {
			where.append(" and action = :action");
			params.put("action", action);
		}
		if (actor != null && !actor.isBlank()) {
			where.append(" and actor = :actor");
			params.put("actor", actor);
		}
		if (from != null) {
			where.append(" and occurred_at >= :from");
			params.put("from", from.atStartOfDay().atOffset(ZoneOffset.UTC));
		}
		if (to != null) {
			where.append(" and occurred_at < :to");
			params.put("to", to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
		}
		if (!includesSignIns()) {
			where.append(" and action not like 'login.%'");
		}
	}

}
