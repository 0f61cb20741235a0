package io.staysync.common.http;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.staysync.test.ApiIntegrationTest;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With private networks allowed for on-premise feeds, every cloud metadata service stays
 * refused, on IPv4 and IPv6, whichever range it sits in.
 */
@TestPropertySource(properties = "staysync.http.allow-private-addresses=true")
class MetadataAddressesIntegrationTests extends ApiIntegrationTest {

	@Test
	void cloudMetadataServicesAreRefusedWhateverTheSetting() throws Exception {
		resetChannels();
		String property = createProperty("On premise " + System.nanoTime(), "Europe/Lisbon", 2);
		mvc.perform(json(asAdmin(post("/api/integrations/ical/configure")), "{\"mode\":\"ical\"}"))
			.andExpect(status().isOk());

		for (String url : new String[] { "http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/latest/",
				"http://100.100.100.200/latest/meta-data/", "http://168.63.129.16/machine", "http://192.0.0.192/",
				"http://[::ffff:100.100.100.200]/", "http://[fe80::a9fe:a9fe]/" }) {
			mvc.perform(json(asAdmin(put("/api/integrations/ical/mappings")),
					"[{\"externalListingId\":\"meta\",\"propertyId\":\"%s\",\"importUrl\":\"%s\"}]".formatted(property,
							url)))
				.andExpect(status().isOk());
			mvc.perform(asAdmin(post("/api/integrations/ical/test")))
				.andExpect(jsonPath("$.ok").value(false))
				.andExpect(jsonPath("$.details[0]").value(containsString("private or internal network")));
		}
	}

}
