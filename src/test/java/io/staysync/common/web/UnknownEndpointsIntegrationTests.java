package io.staysync.common.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.jayway.jsonpath.JsonPath;

import io.staysync.test.ApiIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Addresses that match nothing, through the real server: API paths answer a problem
 * detail naming the method and path (never the framework's "No static resource"),
 * whatever the method; known paths asked with the wrong method still answer 405; console
 * paths keep the readable error page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "staysync.http.allow-private-addresses=true")
class UnknownEndpointsIntegrationTests extends ApiIntegrationTest {

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@Test
	void anUnknownApiPathIsAProblemNamingTheMethodAndPath() throws Exception {
		for (String method : new String[] { "GET", "POST", "PUT", "DELETE", "PATCH" }) {
			HttpResponse<String> answer = send(method, "/api/no-such-thing/42", "application/json");

			assertThat(answer.statusCode()).as(method).isEqualTo(404);
			assertThat(answer.headers().firstValue("Content-Type")).as(method)
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
			assertThat((String) JsonPath.read(answer.body(), "$.detail")).as(method)
				.isEqualTo("There is no such endpoint: " + method
						+ " /api/no-such-thing/42. The API's endpoints are listed at /v3/api-docs.")
				.doesNotContain("static resource");
		}
	}

	@Test
	void headAndOptionsOnAnUnknownApiPathAreNotFoundToo() throws Exception {
		HttpResponse<String> head = send("HEAD", "/api/no-such-thing", "application/json");
		HttpResponse<String> options = send("OPTIONS", "/api/no-such-thing", "application/json");

		assertThat(head.statusCode()).isEqualTo(404);
		assertThat(head.body()).isEmpty();
		assertThat(options.statusCode()).isEqualTo(404);
		assertThat((String) JsonPath.read(options.body(), "$.detail"))
			.startsWith("There is no such endpoint: OPTIONS /api/no-such-thing.");
	}

	@Test
	void aKnownPathWithAMethodItDoesNotTakeIsStill405() throws Exception {
		assertThat(send("DELETE", "/api/integrations/status", "application/json").statusCode()).isEqualTo(405);
	}

	@Test
	void aHostileOrVeryLongPathIsQuotedCutAndEncoded() throws Exception {
		String longPath = "/api/" + "a".repeat(4_000);
		String answer = raw("GET " + longPath + " HTTP/1.1");
		assertThat(answer).startsWith("HTTP/1.1 404");
		String detail = JsonPath.read(body(answer), "$.detail");
		assertThat(detail).startsWith("There is no such endpoint: GET /api/aaaa").contains("… (cut)");
		assertThat(detail.length()).isLessThan(300);

		String script = raw("GET /api/%3Cscript%3Ealert(1)%3C%2Fscript%3E%0d%0aX-Injected:%201 HTTP/1.1");
		assertThat(script).startsWith("HTTP/1.1 4").doesNotContain("<script>").doesNotContain("\nX-Injected");
	}

	@Test
	void consolePathsKeepTheReadablePage() throws Exception {
		HttpClient browser = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(new CookieManager())
			.build();
		String login = browser.send(page("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login);
		assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
		String form = "username=" + URLEncoder.encode(ADMIN_EMAIL, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
		browser.send(page("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());

		HttpResponse<String> answer = browser.send(page("/no-such-page").build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		assertThat(answer.body()).contains("</html>").doesNotContain("static resource");
	}

	private HttpRequest.Builder page(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.header("Accept", "text/html");
	}

	private HttpResponse<String> send(String method, String path, String accept) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.header("Accept", accept)
			.header("Authorization", basic(ADMIN_EMAIL, ADMIN_PASSWORD))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A request line as a hostile client writes it, past what {@link HttpClient} would
	 * let through.
	 */
	private String raw(String requestLine) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write((requestLine + "\r\nHost: 127.0.0.1\r\nAccept: application/json\r\nAuthorization: "
					+ basic(ADMIN_EMAIL, ADMIN_PASSWORD) + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			in.transferTo(answer);
			return answer.toString(StandardCharsets.UTF_8);
		}
	}

	private static String body(String answer) {
		String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
		// chunked: the JSON sits between the chunk sizes
		return body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1);
	}

}
