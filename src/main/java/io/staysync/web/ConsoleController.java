package io.staysync.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller of console pages (HTML, not JSON). Each module renders its own pages
 * beside its REST controllers; this marker gives them the console's error pages, form
 * tokens and shared model instead of the API's problem details.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface ConsoleController {

	@AliasFor(annotation = Controller.class)
	String value() default "";

}
