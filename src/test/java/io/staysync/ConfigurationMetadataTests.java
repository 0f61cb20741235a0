package io.staysync;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration processor describes every staysync.* setting for IDEs (from the
 * records' Javadoc and defaults), and docs/configuration.md lists each one of them.
 */
class ConfigurationMetadataTests {

	@Test
	void everySettingIsDescribedWithItsDefaultAndDocumented() throws IOException {
		List<Object> settings = staysyncSettings();
		String documentation = Files.readString(Path.of("docs/configuration.md"), StandardCharsets.UTF_8);

		assertThat(settings).extracting(setting -> JsonPath.read(setting, "$.name"))
			.contains("staysync.sync.heartbeat-interval", "staysync.sync.stale-after",
					"staysync.sync.stale-check-interval", "staysync.events.resubmit-interval",
					"staysync.events.resubmit-older-than", "staysync.availability.debounce",
					"staysync.availability.longest-wait", "staysync.availability.drain-interval",
					"staysync.availability.retry-base", "staysync.availability.retry-cap",
					"staysync.availability.max-attempts", "staysync.scheduler.enabled", "staysync.scheduler.threads",
					"staysync.scheduler.polling-interval", "staysync.http.max-request-body-bytes");
		for (Object setting : settings) {
			String name = JsonPath.read(setting, "$.name");
			assertThat(documentation).as("docs/configuration.md lists %s", name).contains("`" + name + "`");
			if (!name.startsWith("staysync.admin.")) {
				assertThat((String) JsonPath.read(setting, "$.description")).as("description of %s", name).isNotBlank();
				assertThat(JsonPath.<Object>read(setting, "$.defaultValue")).as("default of %s", name).isNotNull();
			}
		}
	}

	/** Ours among every jar's metadata on the class path. */
	private static List<Object> staysyncSettings() throws IOException {
		List<Object> settings = new ArrayList<>();
		for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				settings.addAll(JsonPath.read(json, "$.properties[?(@.name =~ /staysync\\..*/)]"));
			}
		}
		return settings;
	}

}
