package io.staysync.audit;

import java.util.Map;

/**
 * Records audit events. Called inside the transaction of the change it describes, so an
 * event is written exactly when the change is.
 */
public interface AuditLog {

	/** Records an action by the signed-in user (or {@code system} when there is none). */
	void record(String action, String target, Map<String, ?> details);

	/**
	 * Records an action on behalf of a named actor, for example a failed login attempt.
	 */
	void recordAs(String actor, String action, String target, Map<String, ?> details);

}
