package io.staysync.properties.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A time zone a property may have ({@link PropertyRules#TIME_ZONES}): a region-based IANA
 * zone such as {@code Europe/Lisbon}, or {@code UTC}. Fixed offsets ({@code +02:00},
 * {@code UTC+1}, {@code Etc/GMT-2}) are refused with a message that says why: they do not
 * follow daylight saving time, so check-in times and channel timestamps would drift by an
 * hour for half of the year. {@code null} is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = IanaTimeZone.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface IanaTimeZone {

	String message() default PropertyRules.TIME_ZONE_MESSAGE;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Asks {@link PropertyRules#timeZoneProblem(String)}, and reports its message. */
	public class Validator implements ConstraintValidator<IanaTimeZone, String> {

		@Override
		public boolean isValid(String zone, ConstraintValidatorContext context) {
			if (zone == null) {
				return true;
			}
			Optional<String> problem = PropertyRules.timeZoneProblem(zone);
			// The rule's own messages are constants without template expressions; the
			// value is never in them.
			problem.ifPresent(message -> {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
			});
			return problem.isEmpty();
		}

	}

}
