package io.staysync.common;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Demo mode on the embedded database fetches the sandbox feeds that this very instance
 * serves on localhost, which the guarded HTTP client refuses by default. Only there, and
 * only when nobody set it, private addresses are allowed. Never with another database.
 */
public class DemoModeDefaults implements EnvironmentPostProcessor, Ordered {

	static final String ALLOW_PRIVATE = "staysync.http.allow-private-addresses";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean demo = Boolean.parseBoolean(environment.getProperty("staysync.demo.enabled", "false"));
		boolean embedded = environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:");
		if (demo && embedded && !environment.containsProperty(ALLOW_PRIVATE)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("staysync-demo-defaults", Map.of(ALLOW_PRIVATE, "true")));
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
