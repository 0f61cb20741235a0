package io.staysync.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (action != null && !action.isBlank()) {
			where.append(" and action = :action");
			params.put("action", action);
		}
		if (actor != null && !actor.isBlank()) {
			where.append(" and actor = :actor");
			params.put("actor", actor);
		}
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

	private AuditEvent event(ResultSet row, int rowNum) throws SQLException {
		String details = row.getString("details");
		return new AuditEvent(row.getLong("id"), row.getTimestamp("occurred_at").toInstant(), row.getString("actor"),
				row.getString("action"), row.getString("target"),
				details == null ? Map.of() : json.readValue(details, DETAILS));
	}

}
