package io.staysync.common;

import org.springframework.core.env.PropertyResolver;

/**
 * How this instance runs, decided once from the environment: on the embedded H2 database
 * (a laptop, a trial) or on a real one, and whether demo mode is on. Demo mode needs the
 * embedded database, so that sample data and the sandbox never reach a production
 * database. Everything that behaves differently on a laptop asks this, and nothing else.
 *
 * @param embeddedDatabase whether {@code spring.datasource.url} points at the embedded H2
 * @param demo whether demo mode is on: {@code staysync.demo.enabled} (on unless set) on
 * the embedded database
 */
public record RunMode(boolean embeddedDatabase, boolean demo) {

	/**
	 * Turns demo mode off with {@code false}; it is on by default, on the embedded
	 * database only.
	 */
	public static final String DEMO_ENABLED = "staysync.demo.enabled";

	static final String DATABASE_URL = "spring.datasource.url";

	/** The one default of {@link #DEMO_ENABLED}. */
	static final boolean DEMO_BY_DEFAULT = true;

	/**
	 * The run mode of an environment; also usable before the application context exists
	 * (in an environment post-processor or a bean factory method).
	 */
	public static RunMode of(PropertyResolver environment) {
		boolean embedded = environment.getProperty(DATABASE_URL, "").startsWith("jdbc:h2:");
		boolean demoEnabled = environment.getProperty(DEMO_ENABLED, Boolean.class, DEMO_BY_DEFAULT);
		return new RunMode(embedded, embedded && demoEnabled);
	}

}
