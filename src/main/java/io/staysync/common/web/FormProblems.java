package io.staysync.common.web;

import org.springframework.validation.BindingResult;

import io.staysync.common.InvalidInputException;

/** Puts the problems the domain found next to the fields of the form that caused them. */
public final class FormProblems {

	private FormProblems() {
	}

	public static void report(InvalidInputException problem, BindingResult form) {
		problem.problems().forEach(p -> {
			String field = p.field();
			if (field != null && !field.isBlank() && form.getFieldType(field) != null) {
				form.rejectValue(field, "invalid", p.message());
			}
			else {
				form.reject("invalid", (field == null || field.isBlank() ? "" : field + ": ") + p.message());
			}
		});
	}

	public static void report(String field, String message, BindingResult form) {
		form.rejectValue(field, "invalid", message);
	}

}
