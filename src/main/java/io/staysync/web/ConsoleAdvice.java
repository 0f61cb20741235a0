package io.staysync.web;

import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import io.staysync.common.DomainException;
import io.staysync.common.web.DomainStatus;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What every console page shares: a one-time form token, the current path for the
 * navigation, and error pages that say what happened in words (a fragment for htmx
 * requests, a page otherwise). Nothing internal (stack traces, SQL) reaches the page.
 */
@ControllerAdvice(annotations = ConsoleController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

	private static final Logger log = LoggerFactory.getLogger(ConsoleAdvice.class);

	private static final String NOT_ALLOWED = "Your role does not allow this. Ask an administrator if you need it.";

	private static final Map<HttpStatus, String> TITLES = Map.of(HttpStatus.NOT_FOUND, "Not found",
			HttpStatus.FORBIDDEN, "Not allowed", HttpStatus.CONFLICT, "Not possible right now",
			HttpStatus.NOT_IMPLEMENTED, "Not available yet");

	private final OnceOnlySubmissions submissions;

	ConsoleAdvice(OnceOnlySubmissions submissions) {
		this.submissions = submissions;
	}

	/**
	 * A token for the forms of a page; htmx fragments (polls, panels) get none, so they
	 * cannot crowd them out.
	 */
	@ModelAttribute("formToken")
	String formToken(HttpServletRequest request) {
		return Htmx.isHtmx(request) ? null : submissions.issue(request);
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI();
	}

	@ExceptionHandler(AccessDeniedException.class)
	ModelAndView forbidden(AccessDeniedException e, HttpServletRequest request) {
		return page(request, HttpStatus.FORBIDDEN, "Not allowed", NOT_ALLOWED);
	}

	/** A refusal of the modules, with its own message (it is written for people). */
	@ExceptionHandler(DomainException.class)
	ModelAndView domain(DomainException e, HttpServletRequest request) {
		HttpStatus status = DomainStatus.of(e);
		String message = status == HttpStatus.FORBIDDEN ? NOT_ALLOWED : e.getMessage();
		return page(request, status, TITLES.getOrDefault(status, "That did not work"), message);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ModelAndView changedMeanwhile(OptimisticLockingFailureException e, HttpServletRequest request) {
		return page(request, HttpStatus.CONFLICT, "Changed by someone else",
				"Someone else changed this in the meantime. Reload the page to see their change, then try again.");
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ModelAndView badRequest(Exception e, HttpServletRequest request) {
		return page(request, HttpStatus.BAD_REQUEST, "Not understood",
				"The address or form was not complete or not in the expected format. Go back and try again.");
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception e, HttpServletRequest request) {
		String errorId = UUID.randomUUID().toString();
		log.error("Console request {} {} failed (error id {})", request.getMethod(), request.getRequestURI(), errorId,
				e);
		return page(request, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
				"Staysync could not finish this. Try again; if it keeps happening, give your operator the error id "
						+ errorId + ".");
	}

	private static ModelAndView page(HttpServletRequest request, HttpStatus status, String title, String message) {
		ModelAndView view = new ModelAndView(Htmx.isHtmx(request) ? "console-error :: alert" : "console-error");
		view.setStatus(status);
		view.addObject("status", status.value());
		view.addObject("title", title);
		view.addObject("message", message);
		return view;
	}

}
