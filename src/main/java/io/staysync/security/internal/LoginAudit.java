package io.staysync.security.internal;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

import io.staysync.audit.AuditLog;

/**
 * Console sign-ins and sign-outs, and every rejected password (console or HTTP Basic), go to
 * the audit trail. Successful HTTP Basic calls are not logins and are not recorded one by one.
 */
@Component
class LoginAudit {

	private final AuditLog audit;

	LoginAudit(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void on(InteractiveAuthenticationSuccessEvent event) {
		String user = event.getAuthentication().getName();
		audit.recordAs(user, "login.succeeded", "user:" + user, Map.of());
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		Object principal = event.getAuthentication().getPrincipal();
		String attempted = principal instanceof String name ? name : "[api token]";
		audit.recordAs(attempted, "login.failed", "user:" + attempted,
				Map.of("reason", event.getException().getClass().getSimpleName()));
	}

	@EventListener
	void on(LogoutSuccessEvent event) {
		String user = event.getAuthentication().getName();
		audit.recordAs(user, "logout", "user:" + user, Map.of());
	}

}
