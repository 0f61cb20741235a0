package io.staysync;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The container's health check: the image has no shell, curl or wget, so its
 * {@code HEALTHCHECK} runs this class in a small second JVM. It asks this instance's
 * {@code /actuator/health} on loopback (port from {@code SERVER_PORT}, else {@code PORT},
 * else 8080, as the application itself reads them, or the URL given as the first
 * argument) and exits 0 when the answer is 200 with status UP, 1 otherwise, saying why in
 * one line. Not a Spring component: it starts no context.
 */
public final class HealthProbe {

	private static final int TIMEOUT_MILLIS = 3000;

	private HealthProbe() {
	}

	public static void main(String[] args) {
		String url = (args.length > 0) ? args[0] : defaultUrl(System.getenv());
		String problem = problem(url);
		if (problem != null) {
			System.err.println("unhealthy: " + problem);
			System.exit(1);
		}
		System.out.println("healthy: " + url);
	}

	static String defaultUrl(Map<String, String> environment) {
		String port = environment.getOrDefault("SERVER_PORT", environment.getOrDefault("PORT", "8080"));
		return "http://127.0.0.1:" + port + "/actuator/health";
	}

	/** Why the instance at {@code url} is not healthy, or {@code null} when it is. */
	static String problem(String url) {
		try {
			HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
			connection.setConnectTimeout(TIMEOUT_MILLIS);
			connection.setReadTimeout(TIMEOUT_MILLIS);
			int status = connection.getResponseCode();
			if (status != 200) {
				return url + " answered " + status;
			}
			try (InputStream body = connection.getInputStream()) {
				String text = new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
				return text.replace(" ", "").contains("\"status\":\"UP\"") ? null : url + " is not UP";
			}
		}
		catch (IOException | IllegalArgumentException exception) {
			return url + " did not answer (" + exception.getClass().getSimpleName() + ")";
		}
	}

}
