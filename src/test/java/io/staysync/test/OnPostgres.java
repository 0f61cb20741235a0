package io.staysync.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring integration test against PostgreSQL instead of the embedded H2, in a
 * schema of its own that is dropped afterwards. Subclass an H2 test and annotate the
 * subclass to run the same tests on both. Skipped with a visible message when PostgreSQL
 * does not answer; failed instead when {@code STAYSYNC_REQUIRE_POSTGRES=true}.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresAvailableCondition.class)
@ContextConfiguration(initializers = PostgresSchemaInitializer.class)
public @interface OnPostgres {

}
