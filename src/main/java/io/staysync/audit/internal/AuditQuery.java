package io.staysync.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.staysync.audit.AuditEvent;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads the audit trail newest first, optionally narrowed to one action or one actor. */
@Component
public class AuditQuery {

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditQuery(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public Page<AuditEvent> find(String action, String actor, Pageable pageable) {
		return find(new AuditFilter(action, actor, null, null, true), pageable);
	}

	/**
	 * The events of a filter, newest first. Sign-ins ({@code login.*}) are left out
	 * unless the filter asks for them or names a sign-in action.
	 */
	public Page<AuditEvent> find(AuditFilter filter, Pageable pageable) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new HashMap<>();
		filter.appendTo(where, params);
		long total = jdbc.sql("select count(*) from audit_events" + where).params(params).query(Long.class).single();
		List<AuditEvent> events = jdbc
			.sql("select * from audit_events" + where + " order by id desc limit :limit offset :offset")
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(this::event)
			.list();
		return new PageImpl<>(events, pageable, total);
	}

	/**
	 * The sign-in events a filter leaves out, counted by action, for the page to fold
	 * them into one line.
	 */
	public Map<String, Long> signInsLeftOut(AuditFilter filter) {
		Map<String, Long> counts = new TreeMap<>();
		if (filter.includesSignIns()) {
			return counts;
		}
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new HashMap<>();
		filter.withSignIns().appendTo(where, params);
		jdbc.sql(
				"select action, count(*) as n from audit_events" + where + " and action like 'login.%' group by action")
			.params(params)
			.query((row, n) -> counts.put(row.getString("action"), row.getLong("n")))
			.list();
		return counts;
	}

	/**
	 * The actions recorded so far, for the filter's list; sign-in actions only when the
	 * filter shows sign-ins.
	 */
	public List<String> actions(AuditFilter filter) {
		return jdbc
			.sql("select distinct action from audit_events"
					+ (filter.includesSignIns() ? "" : " where action not like 'login.%'") + " order by action")
			.query(String.class)
			.list();
	}

	/** The actors recorded so far (the first {@code limit}), for the filter's list. */
	public List<String> actors(int limit) {
		return jdbc.sql("select distinct actor from audit_events order by actor limit :limit")
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	private AuditEvent event(ResultSet row, int rowNum) throws SQLException {
		String details = row.getString("details");
		return new AuditEvent(row.getLong("id"), row.getTimestamp("occurred_at").toInstant(), row.getString("actor"),
				row.getString("action"), row.getString("target"),
				details == null ? Map.of() : json.readValue(details, DETAILS));
	}

}
