package io.staysync.soak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

/**
 * Staysync's REST API as an administrator uses it to set the soak up: properties,
 * integrations, mappings, a webhook subscription, and syncs started by hand.
 */
final class StaysyncApi {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String authorization;

	StaysyncApi(String base, String email, String password) {
		this.base = base;
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	String createProperty(String name) throws IOException, InterruptedException {
		String body = send("POST", "/api/properties",
				"{\"name\":\"" + name + "\",\"timeZone\":\"Europe/Amsterdam\",\"maxGuests\":4}", 201);
		return JsonPath.read(body, "$.id");
	}

	void configure(String type, String json) throws IOException, InterruptedException {
		send("POST", "/api/integrations/" + type + "/configure", json, 200);
	}

	/**
	 * Maps listings to properties in one request: each {@code [listing, property, url]}.
	 */
	void map(String type, List<String[]> mappings) throws IOException, InterruptedException {
		StringBuilder json = new StringBuilder("[");
		for (String[] mapping : mappings) {
			json.append(json.length() > 1 ? "," : "")
				.append("{\"externalListingId\":\"")
				.append(mapping[0])
				.append("\",\"propertyId\":\"")
				.append(mapping[1])
				.append("\"")
				.append(mapping[2] == null ? "" : ",\"importUrl\":\"" + mapping[2] + "\"")
				.append("}");
		}
		send("PUT", "/api/integrations/" + type + "/mappings", json.append("]").toString(), 200);
	}

	void subscribe(String url) throws IOException, InterruptedException {
		send("POST", "/api/webhooks/subscriptions",
				"{\"targetUrl\":\"" + url + "\",\"eventTypes\":[\"*\"],\"description\":\"soak receiver\"}", 201);
	}

	/** Starts a sync of the channel, or joins the one running: the run's id. */
	String sync(String type) throws IOException, InterruptedException {
		String body = send("POST", "/api/integrations/" + type + "/sync", null, 202);
		return JsonPath.read(body, "$.id");
	}

	private String send(String method, String path, String json, int expected)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", authorization)
			.header("Accept", "application/json");
		if (json == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(
					method + " " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

}
