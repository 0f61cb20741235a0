package io.staysync.security.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * At least 12 characters, and at most 72 bytes in UTF-8: bcrypt ignores whatever lies
 * beyond, so a longer password would silently be a shorter one.
 */
@Documented
@Constraint(validatedBy = ValidPassword.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidPassword {

	String message() default "must be at least 12 characters and at most 72 bytes";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	public class Validator implements ConstraintValidator<ValidPassword, String> {

		@Override
		public boolean isValid(String password, ConstraintValidatorContext context) {
			return password == null
					|| (password.length() >= 12 && password.getBytes(StandardCharsets.UTF_8).length <= 72);
		}

	}

}
