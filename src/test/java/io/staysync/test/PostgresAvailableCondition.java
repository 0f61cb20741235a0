package io.staysync.test;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips (or, when PostgreSQL is required, fails) tests marked {@link OnPostgres}. */
class PostgresAvailableCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String problem = PostgresTestDatabase.unavailableBecause();
		if (problem == null) {
			return ConditionEvaluationResult.enabled("PostgreSQL answers at " + PostgresTestDatabase.URL);
		}
		if (PostgresTestDatabase.REQUIRED) {
			throw new IllegalStateException("STAYSYNC_REQUIRE_POSTGRES=true, but " + problem);
		}
		String message = "SKIPPED on PostgreSQL: " + problem
				+ ". Start PostgreSQL or set STAYSYNC_TEST_POSTGRES_URL to run these tests.";
		System.err.println("[staysync-tests] " + context.getDisplayName() + ": " + message);
		return ConditionEvaluationResult.disabled(message);
	}

}
