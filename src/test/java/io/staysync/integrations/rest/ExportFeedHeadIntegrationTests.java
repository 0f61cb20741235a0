package io.staysync.integrations.rest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.jayway.jsonpath.JsonPath;

import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Export feeds asked with HEAD, as calendar clients and link checkers do before GET,
 * through the real server and a real HTTP client: the same status and headers as GET
 * without the body, conditional requests included; an unknown token is 404 for both.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "staysync.http.allow-private-addresses=true")
class ExportFeedHeadIntegrationTests extends ApiIntegrationTest {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	String feedPath;

	@BeforeEach
	void mapAListing() throws Exception {
		resetChannels();
		String property = createProperty("Porto Loft " + System.nanoTime(), "Europe/Lisbon", 4);
		java.time.LocalDate arrival = java.time.LocalDate.now().plusDays(30);
		createBooking(property, arrival.toString(), arrival.plusDays(2).toString(), false);
		mvc.perform(json(asAdmin(post("/api/integrations/ical/configure")), "{\"mode\":\"ical\"}"))
			.andExpect(status().isOk());
		mvc.perform(json(asAdmin(put("/api/integrations/ical/mappings")),
				"[{\"externalListingId\":\"porto-1\",\"propertyId\":\"%s\",\"importUrl\":\"%s\"}]".formatted(property,
						"http://127.0.0.1:9/porto.ics")))
			.andExpect(status().isOk());
		String exportUrl = JsonPath.read(mvc.perform(asAdmin(get("/api/integrations/ical/mappings")))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.content[0].exportUrl");
		feedPath = exportUrl.substring(exportUrl.indexOf("/ical/"));
	}

	@Test
	void headAnswersLikeGetWithoutTheBody() throws Exception {
		HttpResponse<String> got = send("GET", feedPath, null);
		HttpResponse<String> head = send("HEAD", feedPath, null);

		assertThat(got.statusCode()).isEqualTo(200);
		assertThat(got.body()).startsWith("BEGIN:VCALENDAR").contains("BEGIN:VEVENT");
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
		for (String name : new String[] { "Content-Type", "ETag", "Cache-Control" }) {
			assertThat(head.headers().firstValue(name)).as(name).isPresent().isEqualTo(got.headers().firstValue(name));
		}
	}

	@Test
	void headHonoursIfNoneMatchLikeGet() throws Exception {
		String etag = send("GET", feedPath, null).headers().firstValue("ETag").orElseThrow();

		HttpResponse<String> head = send("HEAD", feedPath, etag);
		HttpResponse<String> got = send("GET", feedPath, etag);

		assertThat(head.statusCode()).isEqualTo(304);
		assertThat(got.statusCode()).isEqualTo(304);
		assertThat(head.headers().firstValue("ETag")).contains(etag);
		assertThat(send("HEAD", feedPath, "\"something-else\"").statusCode()).isEqualTo(200);
	}

	@Test
	void anUnknownTokenIsNotFoundForBothAndNeverALoginRedirect() throws Exception {
		for (String method : new String[] { "GET", "HEAD" }) {
			HttpResponse<String> answer = send(method, "/ical/not-a-real-token-at-all-1234567890.ics", null);
			assertThat(answer.statusCode()).as(method).isEqualTo(404);
			assertThat(answer.headers().firstValue("Location")).as(method).isEmpty();
		}
	}

	private HttpResponse<String> send(String method, String path, String ifNoneMatch) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
