package io.staysync.properties.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.ZoneId;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A region-based IANA time zone such as {@code Europe/Lisbon}. Fixed offsets ({@code +02:00},
 * {@code UTC+1}) are refused: they do not follow daylight saving time, so check-in times
 * and channel timestamps would drift by an hour for half of the year.
 */
@Documented
@Constraint(validatedBy = IanaTimeZone.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
public @interface IanaTimeZone {

	String message() default "must be an IANA time zone such as Europe/Lisbon";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	public class Validator implements ConstraintValidator<IanaTimeZone, String> {

		@Override
		public boolean isValid(String zone, ConstraintValidatorContext context) {
			return zone == null || (ZoneId.getAvailableZoneIds().contains(zone) && zone.contains("/"))
					|| "UTC".equals(zone);
		}

	}

}
