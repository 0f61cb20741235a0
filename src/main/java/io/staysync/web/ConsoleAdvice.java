package io.staysync.web;

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

import io.staysync.common.ConflictException;
import io.staysync.common.DomainException;
import io.staysync.common.ForbiddenException;
import io.staysync.common.NotFoundException;
import io.staysync.common.NotImplementedException;
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

	private final OnceOnlySubmissions submissions;

	ConsoleAdvice(OnceOnlySubmissions submissions) {
		this.submissions = submissions;
	}

	/** A token for the forms of a page; htmx fragments (polls, panels) get none, so they cannot crowd them out. */
	@ModelAttribute("formToken")
	String formToken(HttpServletRequest request) {
		return Htmx.isHtmx(request) ? null : submissions.issue(request);
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI();
	}

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(NotFoundException e, HttpServletRequest request) {
		return page(request, HttpStatus.NOT_FOUND, "Not found", e.getMessage());
	}

	@ExceptionHandler({ ForbiddenException.class, AccessDeniedException.class })
	ModelAndView forbidden(Exception e, HttpServletRequest request) {
		return page(request, HttpStatus.FORBIDDEN, "Not allowed",
				"Your role does not allow this. Ask an administrator if you need it.");
	}

	@ExceptionHandler(ConflictException.class)
	ModelAndView conflict(ConflictException e, HttpServletRequest request) {
		return page(request, HttpStatus.CONFLICT, "Not possible right now", e.getMessage());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ModelAndView changedMeanwhile(OptimisticLockingFailureException e, HttpServletRequest request) {
		return page(request, HttpStatus.CONFLICT, "Changed by someone else",
				"Someone else changed this in the meantime. Reload the page to see their change, then try again.");
	}

	@ExceptionHandler(NotImplementedException.class)
	ModelAndView notImplemented(NotImplementedException e, HttpServletRequest request) {
		return page(request, HttpStatus.NOT_IMPLEMENTED, "Not available yet", e.getMessage());
	}

	@ExceptionHandler(DomainException.class)
	ModelAndView domain(DomainException e, HttpServletRequest request) {
		return page(request, HttpStatus.UNPROCESSABLE_CONTENT, "That did not work", e.getMessage());
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ModelAndView badRequest(Exception e, HttpServletRequest request) {
		return page(request, HttpStatus.BAD_REQUEST, "Not understood",
				"The address or form was not complete or not in the expected format. Go back and try again.");
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception e, HttpServletRequest request) {
		String errorId = UUID.randomUUID().toString();
		log.error("Console request {} {} failed (error id {})", request.getMethod(), request.getRequestURI(), errorId, e);
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
