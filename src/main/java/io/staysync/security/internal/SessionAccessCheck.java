package io.staysync.security.internal;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import io.staysync.audit.AuditLog;
import io.staysync.security.StaysyncUser;

/**
 * Console sessions follow their account: on every request the signed-in user is compared
 * with the account as stored now, and when its role, status or password changed (a
 * demotion, a disabling, a reset by an administrator, on this instance or another) or the
 * account is gone, the session ends there. The request then goes on unauthenticated: a
 * page asks to sign in again, an htmx request is answered 401. One lookup by primary key
 * per request.
 */
class SessionAccessCheck extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(SessionAccessCheck.class);

	private final UserAccountRepository users;

	private final AuditLog audit;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	SessionAccessCheck(UserAccountRepository users, AuditLog audit) {
		this.users = users;
		this.audit = audit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = contexts.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (session != null && authentication != null && authentication.getPrincipal() instanceof StaysyncUser signedIn
				&& !current(signedIn)) {
			session.invalidate();
			contexts.clearContext();
			audit.recordAs(signedIn.email(), "session.ended", "user:" + signedIn.id(),
					Map.of("reason", "role, status or password changed"));
			log.info("Ended a console session of {}: the account's role, status or password changed", signedIn.id());
		}
		chain.doFilter(request, response);
	}

	private boolean current(StaysyncUser signedIn) {
		return users.findById(signedIn.id())
			.map(UserAccount::toPrincipal)
			.filter(StaysyncUser::isEnabled)
			.filter(signedIn::sameAccessAs)
			.isPresent();
	}

}
