package io.staysync.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.audit.AuditLog;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends audit events with plain inserts: the table has no update or delete path in the
 * code, which is what keeps it append-only.
 */
@Component
class JdbcAuditLog implements AuditLog {

	static final int MAX_DETAILS = 4000;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	JdbcAuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(String action, String target, Map<String, ?> details) {
		recordAs(currentActor(), action, target, details);
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void recordAs(String actor, String action, String target, Map<String, ?> details) {
		jdbc.sql("""
				insert into audit_events (occurred_at, actor, action, target, details)
				values (:at, :actor, :action, :target, :details)""")
			.param("at", Timestamp.from(clock.instant()))
			.param("actor", truncate(actor, 320))
			.param("action", truncate(action, 100))
			.param("target", truncate(target, 300))
			.param("details", truncate(json.writeValueAsString(SecretRedaction.redact(details)), MAX_DETAILS))
			.update();
	}

	private static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return "system";
		}
		return authentication.getName();
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
	}

}
