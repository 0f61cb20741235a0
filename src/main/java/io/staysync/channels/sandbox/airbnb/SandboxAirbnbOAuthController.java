package io.staysync.channels.sandbox.airbnb;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import io.staysync.channels.sandbox.airbnb.AirbnbSandbox.Grant;
import io.staysync.channels.sandbox.airbnb.AirbnbSandbox.Refusal;

/**
 * Airbnb's OAuth 2 as the sandbox answers it under {@value #BASE}: the consent page
 * ({@code GET /oauth2/auth?client_id&redirect_uri&scope&state}) whose Allow sends the
 * browser back with {@code code}, {@code scope} and {@code state} and whose Deny sends it
 * back with {@code error=access_denied}; the token endpoint
 * ({@code POST /v2/oauth2/authorizations}, HTTP Basic client credentials, a JSON
 * {@code code} or {@code refresh_token}); and revocation ({@code DELETE
 * /v2/oauth2/authorizations/{token}}). 404 outside demo mode and tests.
 */
@RestController
class SandboxAirbnbOAuthController {

	static final String BASE = "/sandbox/airbnb";

	private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

	private final AirbnbSandbox sandbox;

	SandboxAirbnbOAuthController(AirbnbSandbox sandbox) {
		this.sandbox = sandbox;
	}

	@GetMapping(BASE + "/oauth2/auth")
	ResponseEntity<String> consent(@RequestParam(name = "client_id", required = false) String clientId,
			@RequestParam(name = "redirect_uri", required = false) String redirectUri,
			@RequestParam(required = false) String scope, @RequestParam(required = false) String state) {
		if (!sandbox.active()) {
			return ResponseEntity.notFound().build();
		}
		URI target = redirectTarget(redirectUri);
		if (clientId == null || clientId.isBlank() || target == null) {
			return page(HttpStatus.BAD_REQUEST, "Invalid request",
					"<p>This link needs a <code>client_id</code> and an absolute http(s) <code>redirect_uri</code>.</p>");
		}
		String hidden = hidden("client_id", clientId) + hidden("redirect_uri", redirectUri)
				+ hidden("scope", scope == null ? "" : scope) + hidden("state", state == null ? "" : state);
		return page(HttpStatus.OK, "Allow access to your Airbnb account?",
				"<p><strong>" + HtmlUtils.htmlEscape(clientId) + "</strong> (Airbnb sandbox) asks to read your"
						+ " listings and reservations and to update your calendar, as host " + sandbox.userId()
						+ ".</p><form method=\"post\" action=\"" + BASE + "/oauth2/auth\">" + hidden
						+ "<button type=\"submit\" name=\"decision\" value=\"allow\" id=\"allow\">Allow</button> "
						+ "<button type=\"submit\" name=\"decision\" value=\"deny\" id=\"deny\">Deny</button></form>"
						+ "<p class=\"note\">You go back to " + HtmlUtils.htmlEscape(target.getHost()) + ".</p>");
	}

	@PostMapping(path = BASE + "/oauth2/auth", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<String> decide(@RequestParam(name = "client_id", required = false) String clientId,
			@RequestParam(name = "redirect_uri", required = false) String redirectUri,
			@RequestParam(required = false) String scope, @RequestParam(required = false) String state,
			@RequestParam(required = false) String decision) {
		if (!sandbox.active()) {
			return ResponseEntity.notFound().build();
		}
		URI target = redirectTarget(redirectUri);
		if (clientId == null || clientId.isBlank() || target == null) {
			return page(HttpStatus.BAD_REQUEST, "Invalid request", "<p>The consent form was incomplete.</p>");
		}
		Map<String, String> back = new LinkedHashMap<>();
		if ("allow".equals(decision)) {
			back.put("code", sandbox.issueCode(clientId, target, scope));
			back.put("scope", scope == null ? "" : scope);
		}
		else {
			back.put("error", "access_denied");
			back.put("error_description", "The host did not allow access.");
		}
		if (state != null) {
			back.put("state", state);
		}
		return ResponseEntity.status(HttpStatus.FOUND).location(with(target, back)).build();
	}

	@PostMapping(BASE + "/v2/oauth2/authorizations")
	ResponseEntity<Map<String, Object>> token(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody(required = false) Map<String, Object> body) {
		if (!sandbox.active()) {
			return ResponseEntity.notFound().build();
		}
		String[] client = basic(authorization);
		try {
			Object code = body == null ? null : body.get("code");
			Object refresh = body == null ? null : body.get("refresh_token");
			if (code instanceof String value) {
				return ResponseEntity.ok(answer(sandbox.exchange(client[0], client[1], value), true));
			}
			if (refresh instanceof String value) {
				// Like Airbnb's, a refresh answers without a new refresh token.
				return ResponseEntity.ok(answer(sandbox.refresh(client[0], client[1], value), false));
			}
			throw new Refusal(400, "invalid_request", "Send a code or a refresh_token.");
		}
		catch (Refusal refused) {
			return ResponseEntity.status(refused.status()).body(refused.body());
		}
	}

	@DeleteMapping(BASE + "/v2/oauth2/authorizations/{token}")
	ResponseEntity<Map<String, Object>> revoke(
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@PathVariable String token) {
		if (!sandbox.active()) {
			return ResponseEntity.notFound().build();
		}
		String[] client = basic(authorization);
		try {
			if (!sandbox.revoke(client[0], client[1], token)) {
				throw new Refusal(404, "not_found", "There is no such authorization.");
			}
			return ResponseEntity.ok(Map.of("oauth2_authorization", Map.of("revoked", true)));
		}
		catch (Refusal refused) {
			return ResponseEntity.status(refused.status()).body(refused.body());
		}
	}

	private static Map<String, Object> answer(Grant grant, boolean withRefreshToken) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("access_token", grant.accessToken());
		answer.put("expires_at", grant.expires().getEpochSecond());
		if (withRefreshToken) {
			answer.put("refresh_token", grant.refreshToken());
		}
		answer.put("user_id", grant.userId());
		return answer;
	}

	/** {@code [client id, secret]} of an HTTP Basic header, or nulls. */
	private static String[] basic(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return new String[] { null, null };
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? new String[] { decoded, null }
					: new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
		}
		catch (IllegalArgumentException notBase64) {
			return new String[] { null, null };
		}
	}

	private static URI redirectTarget(String redirectUri) {
		if (redirectUri == null) {
			return null;
		}
		try {
			URI uri = new URI(redirectUri);
			boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
			return web && uri.getHost() != null && uri.getRawFragment() == null ? uri : null;
		}
		catch (URISyntaxException invalid) {
			return null;
		}
	}

	private static URI with(URI target, Map<String, String> parameters) {
		StringBuilder url = new StringBuilder(target.toString());
		char separator = target.getRawQuery() == null ? '?' : '&';
		for (Map.Entry<String, String> parameter : parameters.entrySet()) {
			url.append(separator)
				.append(parameter.getKey())
				.append('=')
				.append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
			separator = '&';
		}
		return URI.create(url.toString());
	}

	private static String hidden(String name, String value) {
		return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + HtmlUtils.htmlEscape(value) + "\">";
	}

	private static ResponseEntity<String> page(HttpStatus status, String title, String content) {
		String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
				+ HtmlUtils.htmlEscape(title) + " · Airbnb sandbox</title><style>body{font-family:sans-serif;"
				+ "max-width:32rem;margin:4rem auto;color:#222}h1{color:#ff385c;font-size:1.4rem}button{font-size:1rem;"
				+ "padding:.5rem 1.5rem;margin-right:.5rem}#allow{background:#ff385c;color:#fff;border:0}"
				+ ".note{color:#717171;font-size:.9rem}</style></head><body><h1>" + HtmlUtils.htmlEscape(title)
				+ "</h1>" + content + "</body></html>";
		return ResponseEntity.status(status)
			.contentType(HTML)
			.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(html);
	}

}
