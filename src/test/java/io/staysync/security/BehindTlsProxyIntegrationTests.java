package io.staysync.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.jayway.jsonpath.JsonPath;

import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real server behind a TLS-terminating proxy on the same machine: when the proxy says
 * the client came by https, the session cookie is Secure, HSTS is sent and export-feed
 * URLs start with https; without it, none of that.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BehindTlsProxyIntegrationTests extends ApiIntegrationTest {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theProxysHttpsMakesTheCookieSecureSendsHstsAndBuildsHttpsFeedUrls() throws Exception {
		HttpResponse<String> viaProxy = send("/login", true, null);
		assertThat(viaProxy.headers().firstValue("Set-Cookie"))
			.hasValueSatisfying(cookie -> assertThat(cookie).containsIgnoringCase("; Secure"));
		assertThat(viaProxy.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));

		HttpResponse<String> direct = send("/login", false, null);
		assertThat(direct.headers().firstValue("Set-Cookie"))
			.hasValueSatisfying(cookie -> assertThat(cookie).doesNotContainIgnoringCase("secure"));
		assertThat(direct.headers().firstValue("Strict-Transport-Security")).isEmpty();

		resetChannels();
		String property = createProperty("Proxied " + System.nanoTime(), "Europe/Lisbon", 2);
		String admin = "Basic " + Base64.getEncoder()
			.encodeToString((ADMIN_EMAIL + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
		send("/api/integrations/ical/configure", true, admin, "{\"mode\":\"ical\"}", "POST");
		send("/api/integrations/ical/mappings", true, admin, "[{\"externalListingId\":\"proxied\",\"propertyId\":\""
				+ property + "\",\"importUrl\":\"https://calendars.example.com/a.ics\"}]", "PUT");
		String exportUrl = JsonPath.read(send("/api/integrations/ical/mappings", true, admin).body(),
				"$.content[0].exportUrl");
		assertThat(exportUrl).startsWith("https://staysync.example.com/ical/");
	}

	private HttpResponse<String> send(String path, boolean viaHttpsProxy, String authorization) throws Exception {
		return send(path, viaHttpsProxy, authorization, null, "GET");
	}

	private HttpResponse<String> send(String path, boolean viaHttpsProxy, String authorization, String json,
			String method) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.method(method,
					json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (viaHttpsProxy) {
			request.header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-Host", "staysync.example.com")
				.header("X-Forwarded-For", "203.0.113.50");
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(method + " " + path).isLessThan(400);
		return response;
	}

}
