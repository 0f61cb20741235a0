package io.staysync.audit;

import java.time.Instant;
import java.util.Map;

/** One recorded action, as the API shows it. */
public record AuditEvent(long id, Instant at, String actor, String action, String target, Map<String, Object> details) {
}
