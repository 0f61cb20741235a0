package io.staysync.properties;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Demo mode fills an empty embedded database with two sample properties. */
@TestPropertySource(properties = "staysync.demo.enabled=true")
class DemoPropertiesIntegrationTests extends ApiIntegrationTest {

	@Test
	void anEmptyEmbeddedDatabaseGetsTwoSampleProperties() {
		assertThat(jdbc.sql("select name from properties order by name").query(String.class).list())
			.containsExactly("Alpine Chalet", "Harbour Loft");
	}

}
