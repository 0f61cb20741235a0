package io.staysync.common.web;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.converter.HttpMessageNotReadableException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Explains an unreadable request body in words a client can act on, naming the field at
 * fault. It never echoes the offending value: a misplaced password must not come back.
 */
record JsonReadProblem(String field, String detail) {

	static JsonReadProblem of(HttpMessageNotReadableException exception) {
		Throwable cause = exception.getCause();
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return new JsonReadProblem(path(unknown), "Unknown field '" + path(unknown) + "'.");
		}
		if (cause instanceof InvalidFormatException invalid) {
			return new JsonReadProblem(path(invalid),
					"Field '" + path(invalid) + "' has an invalid value" + expected(invalid.getTargetType()) + ".");
		}
		if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
			return new JsonReadProblem(path(mismatched),
					"Field '" + path(mismatched) + "' has the wrong type" + expected(mismatched.getTargetType()) + ".");
		}
		if (cause instanceof StreamReadException malformed && malformed.getLocation() != null) {
			return new JsonReadProblem(null, "Malformed JSON at line " + malformed.getLocation().getLineNr()
					+ ", column " + malformed.getLocation().getColumnNr() + ".");
		}
		if (cause instanceof JacksonException) {
			return new JsonReadProblem(null, "Malformed JSON request body.");
		}
		return new JsonReadProblem(null, "The request body is missing or cannot be read as JSON.");
	}

	private static String path(JacksonException exception) {
		List<JacksonException.Reference> path = exception.getPath();
		StringBuilder name = new StringBuilder();
		for (JacksonException.Reference reference : path) {
			if (reference.getPropertyName() != null) {
				name.append(name.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				name.append('[').append(reference.getIndex()).append(']');
			}
		}
		return name.toString();
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return "";
		}
		if (type.isEnum()) {
			return "; expected one of "
					+ Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
		}
		return "; expected " + describe(type);
	}

	private static String describe(Class<?> type) {
		return switch (type.getSimpleName()) {
			case "UUID" -> "a UUID";
			case "LocalDate" -> "a date (YYYY-MM-DD)";
			case "LocalTime" -> "a time (HH:MM)";
			case "Instant", "OffsetDateTime" -> "a timestamp (ISO 8601)";
			case "int", "Integer", "long", "Long" -> "a whole number";
			case "BigDecimal", "double", "Double" -> "a number";
			case "boolean", "Boolean" -> "true or false";
			case "String" -> "a string";
			default ->
				type.isRecord() || type.getName().startsWith("java.util") ? "an object or array" : type.getSimpleName();
		};
	}

}
