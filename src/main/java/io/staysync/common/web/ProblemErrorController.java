package io.staysync.common.web;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import org.springframework.boot.webmvc.autoconfigure.error.AbstractErrorController;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Errors that never reached a controller (a request the firewall refused, a failure
 * inside a filter) end here, through the servlet container's error page. They are
 * answered like every other error: problem details for API clients, the error page for
 * browsers. Nothing of the failure (exception, message, trace) is shown; the log has it.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends AbstractErrorController {

	ProblemErrorController(ErrorAttributes errors) {
		super(errors);
	}

	@RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		ModelAndView page = new ModelAndView("error", Map.of("status", status.value(), "timestamp", Instant.now()));
		page.setStatus(status);
		return page;
	}

	@RequestMapping
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, describe(status));
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path && path.startsWith("/") && !path.contains(" ")) {
			try {
				problem.setInstance(URI.create(path));
			}
			catch (IllegalArgumentException unusable) {
				// a path the firewall refused may not be a valid URI; the problem goes
				// without it
			}
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static String describe(HttpStatus status) {
		return switch (status) {
			case BAD_REQUEST ->
				"The request was refused before it reached Staysync: check the address and its encoding.";
			case NOT_FOUND -> "There is nothing at this address.";
			case METHOD_NOT_ALLOWED -> "This address does not accept this method.";
			case PAYLOAD_TOO_LARGE -> "The request body is too large.";
			default ->
				status.is5xxServerError() ? "Staysync could not answer this request; the server log has the details."
						: status.getReasonPhrase() + ".";
		};
	}

}
