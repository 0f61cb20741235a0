package io.staysync.common;

import java.util.List;
import java.util.Map;

/**
 * Input that breaks a rule the bean validation annotations cannot express (one field
 * against another, or against a stored record): 400, or 422 when the rule involves stored
 * state, with the fields named.
 */
public class InvalidInputException extends DomainException {

	private final boolean unprocessable;

	private final List<FieldProblem> problems;

	private InvalidInputException(String message, List<FieldProblem> problems, boolean unprocessable) {
		super(message);
		this.unprocessable = unprocessable;
		this.problems = List.copyOf(problems);
		with("errors", problems.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
	}

	/** Invalid in itself: 400. */
	public static InvalidInputException of(List<FieldProblem> problems) {
		return new InvalidInputException(summary(problems), problems, false);
	}

	/** Valid in itself but impossible against what is stored: 422. */
	public static InvalidInputException unprocessable(List<FieldProblem> problems) {
		return new InvalidInputException(summary(problems), problems, true);
	}

	public boolean unprocessable() {
		return unprocessable;
	}

	/** The fields at fault, for a form that shows each problem next to its field. */
	public List<FieldProblem> problems() {
		return problems;
	}

	private static String summary(List<FieldProblem> problems) {
		return problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).message()
				: "Invalid input: " + String.join(", ", problems.stream().map(FieldProblem::field).toList()) + ".";
	}

	/** One field and what is wrong with it. */
	public record FieldProblem(String field, String message) {
	}

}
