package io.staysync.security.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import io.staysync.common.web.ProblemWriter;

/**
 * Answers API calls without valid credentials with 401 and those without the right role
 * with 403, both as problem details: an API client needs a status, not a login page.
 */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final ProblemWriter problems;

	ProblemAuthenticationEntryPoint(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer, Basic realm=\"Staysync\"");
		if (exception instanceof LockedException) {
			problems.write(request, response, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
					"Too many wrong passwords for this account or from your address: password sign-in is refused"
							+ " for a while. Try again later, or use an API token."));
			return;
		}
		problems.write(request, response, ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				"Authentication required: send an API token as 'Authorization: Bearer <token>' or use HTTP Basic."
						+ " The credentials sent, if any, were not accepted."));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		problems.write(request, response,
				ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role does not allow this action."));
	}

}
