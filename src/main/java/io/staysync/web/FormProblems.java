package io.staysync.web;

import java.util.function.UnaryOperator;

import org.springframework.validation.BindingResult;

import io.staysync.common.InvalidInputException;

/** Puts the problems the domain found next to the fields of the form that caused them. */
public final class FormProblems {

	private FormProblems() {
	}

	public static void report(InvalidInputException problem, BindingResult form) {
		report(problem, form, UnaryOperator.identity());
	}

	/**
	 * The same, for a form whose fields are named differently from the API's
	 * ({@code fieldOf} turns the domain's field name into the form's).
	 */
	public static void report(InvalidInputException problem, BindingResult form, UnaryOperator<String> fieldOf) {
		problem.problems().forEach(p -> {
			String field = p.field() == null ? null : fieldOf.apply(p.field());
			if (field != null && !field.isBlank() && form.getFieldType(field) != null) {
				form.rejectValue(field, "invalid", p.message());
			}
			else {
				form.reject("invalid", (field == null || field.isBlank() ? "" : field + ": ") + p.message());
			}
		});
	}

}
