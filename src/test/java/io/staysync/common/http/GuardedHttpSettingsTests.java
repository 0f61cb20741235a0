package io.staysync.common.http;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GuardedHttpSettingsTests {

	@Test
	void defaultsAreTheLimitsOfTheDesign() {
		GuardedHttpSettings bound = bind(Map.of());

		assertThat(bound).isEqualTo(GuardedHttpSettings.defaults());
		assertThat(bound.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(bound.readTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(bound.totalTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(bound.maxResponseBody()).isEqualTo(DataSize.ofMegabytes(5));
		assertThat(bound.maxRedirects()).isEqualTo(3);
		assertThat(bound.allowPrivateAddresses()).isFalse();
	}

	@Test
	void bindsEveryPropertyNextToTheInboundRequestLimit() {
		GuardedHttpSettings bound = bind(Map.of("staysync.http.connect-timeout", "2s", "staysync.http.read-timeout",
				"3s", "staysync.http.total-timeout", "1m", "staysync.http.max-response-body", "10MB",
				"staysync.http.max-redirects", "1", "staysync.http.allow-private-addresses", "true",
				"staysync.http.max-request-body-bytes", "1048576"));

		assertThat(bound).isEqualTo(new GuardedHttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(3),
				Duration.ofMinutes(1), DataSize.ofMegabytes(10), 1, true));
	}

	@Test
	void environmentVariablesOfTheReadmeReachTheSettings() {
		SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource("env",
				Map.of("STAYSYNC_HTTP_ALLOW_PRIVATE_ADDRESSES", "true", "STAYSYNC_HTTP_TOTAL_TIMEOUT", "45s",
						"STAYSYNC_HTTP_MAX_RESPONSE_BODY", "2MB"));

		GuardedHttpSettings bound = new Binder(ConfigurationPropertySources.from(environment))
			.bindOrCreate("staysync.http", GuardedHttpSettings.class);

		assertThat(bound.allowPrivateAddresses()).isTrue();
		assertThat(bound.totalTimeout()).isEqualTo(Duration.ofSeconds(45));
		assertThat(bound.maxResponseBody()).isEqualTo(DataSize.ofMegabytes(2));
	}

	@Test
	void refusesLimitsThatWouldSwitchAProtectionOff() {
		assertThatThrownBy(() -> bind(Map.of("staysync.http.total-timeout", "0s")))
			.hasStackTraceContaining("staysync.http.total-timeout must be a positive duration");
		assertThatThrownBy(() -> bind(Map.of("staysync.http.max-response-body", "0B")))
			.hasStackTraceContaining("max-response-body must be positive");
	}

	private static GuardedHttpSettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("staysync.http",
				GuardedHttpSettings.class);
	}

}
