package io.staysync.common;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class RunModeTests {

	static final String H2 = "jdbc:h2:file:./data/staysync";

	static final String POSTGRES = "jdbc:postgresql://db:5432/staysync";

	@Test
	void demoModeIsOnByDefaultOnTheEmbeddedDatabaseOnly() {
		assertThat(RunMode.of(new MockEnvironment().withProperty("spring.datasource.url", H2)))
			.isEqualTo(new RunMode(true, true));
		assertThat(RunMode.of(new MockEnvironment().withProperty("spring.datasource.url", POSTGRES)))
			.isEqualTo(new RunMode(false, false));
		assertThat(RunMode.of(new MockEnvironment().withProperty("spring.datasource.url", POSTGRES)
			.withProperty(RunMode.DEMO_ENABLED, "true"))).isEqualTo(new RunMode(false, false));
		assertThat(RunMode.of(new MockEnvironment().withProperty("spring.datasource.url", H2)
			.withProperty(RunMode.DEMO_ENABLED, "false"))).isEqualTo(new RunMode(true, false));
	}

}
