package io.staysync.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Connects Airbnb the way an administrator does, against this instance's Airbnb sandbox
 * (which must be enabled and served on {@code port}): Connect Airbnb in the console, the
 * sandbox's consent page answered Allow as the browser submits it, and the callback in
 * the same console session. The Airbnb integration must be configured in API mode with
 * the sandbox's client secret first.
 */
public final class AirbnbSandboxConsent {

	private static final HttpClient BROWSER = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private AirbnbSandboxConsent() {
	}

	public static void connect(MockMvc mvc, MockHttpSession admin, int port) throws Exception {
		complete(mvc, admin, port, "/integrations/airbnb/oauth/start");
	}

	/**
	 * Presses a console button that leads to the sandbox's consent page (Connect Airbnb,
	 * or demo mode's Connect the Airbnb sandbox), allows, and comes back.
	 */
	public static void complete(MockMvc mvc, MockHttpSession admin, int port, String button) throws Exception {
		String consent = mvc
			.perform(post(button).session(admin)
				.with(csrf())
				.header("HX-Request", "true")
				.header("HX-Current-URL", "http://localhost/integrations"))
			.andExpect(status().isOk())
			.andExpect(header().exists("HX-Redirect"))
			.andReturn()
			.getResponse()
			.getHeader("HX-Redirect");
		assertThat(consent).startsWith("http://localhost:" + port + "/sandbox/airbnb/oauth2/auth");
		Map<String, String> back = allow(port, URI.create(consent));
		mvc.perform(get("/integrations/airbnb/oauth/callback").param("code", back.get("code"))
			.param("state", back.get("state"))
			.session(admin)).andExpect(status().is3xxRedirection());
	}

	/**
	 * Submits the consent page's form with Allow; the query Airbnb redirected back with.
	 */
	static Map<String, String> allow(int port, URI consent) throws IOException, InterruptedException {
		Map<String, String> query = query(consent);
		StringBuilder form = new StringBuilder("decision=allow");
		for (String field : List.of("client_id", "redirect_uri", "scope", "state")) {
			form.append('&')
				.append(field)
				.append('=')
				.append(URLEncoder.encode(query.getOrDefault(field, ""), StandardCharsets.UTF_8));
		}
		HttpResponse<String> answer = BROWSER
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/airbnb/oauth2/auth"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as("the consent page redirects back").isEqualTo(302);
		return query(URI.create(answer.headers().firstValue("Location").orElseThrow()));
	}

	private static Map<String, String> query(URI uri) {
		Map<String, String> query = new LinkedHashMap<>();
		UriComponentsBuilder.fromUri(uri)
			.build()
			.getQueryParams()
			.forEach((name, values) -> query.put(name, values.isEmpty() || values.get(0) == null ? ""
					: URLDecoder.decode(values.get(0), StandardCharsets.UTF_8)));
		return query;
	}

}
