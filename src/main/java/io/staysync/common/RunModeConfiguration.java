package io.staysync.common;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The run mode as a bean, computed once at start-up. */
@Configuration(proxyBeanMethods = false)
class RunModeConfiguration {

	@Bean
	RunMode runMode(Environment environment) {
		return RunMode.of(environment);
	}

}
