package io.staysync.common.web;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An address that matches nothing: a browser asking for a page (not under {@code /api},
 * with {@code text/html} in its Accept header) gets the error page; every other client
 * gets the same problem details as every other API error. Addresses under {@code /api}
 * are answered before this by {@link UnknownEndpoints}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BrowserNotFoundPage {

	private final ProblemWriter problems;

	BrowserNotFoundPage(ProblemWriter problems) {
		this.problems = problems;
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ModelAndView notFound(NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		String accept = request.getHeader("Accept");
		if (!request.getRequestURI().startsWith("/api/") && accept != null && accept.contains("text/html")) {
			ModelAndView page = new ModelAndView("error");
			page.setStatus(HttpStatus.NOT_FOUND);
			page.addObject("status", 404);
			return page;
		}
		// Never the framework's "No static resource …": the address, in plain words.
		problems.write(request, response,
				ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is nothing at this address: "
						+ UnknownEndpoints.quoted(request.getMethod(), request.getRequestURI()) + "."));
		return new ModelAndView();
	}

}
