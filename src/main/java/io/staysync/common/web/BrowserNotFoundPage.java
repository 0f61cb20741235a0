package io.staysync.common.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address that matches nothing: a browser asking for HTML gets the error page, every other
 * client the problem details of {@link ProblemDetailsAdvice}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BrowserNotFoundPage {

	@ExceptionHandler(value = NoResourceFoundException.class, produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView notFound() {
		ModelAndView page = new ModelAndView("error");
		page.setStatus(HttpStatus.NOT_FOUND);
		page.addObject("status", 404);
		return page;
	}

}
