package io.staysync.common.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBodyLimitTests {

	@Test
	void defaultIsOneMebibyte() {
		assertThat(bind(Map.of()).maxRequestBodyBytes()).isEqualTo(1_048_576);
	}

	@Test
	void bindsThePropertyNameOperatorsAlreadyUse() {
		assertThat(bind(Map.of("staysync.http.max-request-body-bytes", "65536")).maxRequestBodyBytes())
			.isEqualTo(65_536);
	}

	@Test
	void refusesALimitThatWouldRefuseEveryBody() {
		assertThatThrownBy(() -> bind(Map.of("staysync.http.max-request-body-bytes", "0")))
			.hasStackTraceContaining("staysync.http.max-request-body-bytes must be positive");
		assertThatThrownBy(() -> bind(Map.of("staysync.http.max-request-body-bytes", "-1")))
			.hasStackTraceContaining("staysync.http.max-request-body-bytes must be positive");
	}

	private static RequestBodyLimit bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("staysync.http",
				RequestBodyLimit.class);
	}

}
