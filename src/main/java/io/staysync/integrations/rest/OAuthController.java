package io.staysync.integrations.rest;

import java.net.URI;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.staysync.channels.ChannelType;
import io.staysync.integrations.internal.OAuthConnections;
import io.staysync.integrations.internal.OAuthRedirects;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /api/integrations/airbnb/oauth/start}: the consent URL to send the host's
 * browser to. The state in it is bound to the administrator who asked, and the callback
 * ({@code GET /integrations/airbnb/oauth/callback}, a console page) must come in that
 * administrator's console session within 10 minutes.
 */
@RestController
class OAuthController {

	private final OAuthConnections connections;

	private final OAuthRedirects redirects;

	OAuthController(OAuthConnections connections, OAuthRedirects redirects) {
		this.connections = connections;
		this.redirects = redirects;
	}

	@Operation(summary = "Starts connecting a channel account by OAuth: the consent URL to open in a browser")
	@ApiResponse(responseCode = "200", description = "The consent URL, valid for 10 minutes and one use")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "403", description = "Not an administrator")
	@ApiResponse(responseCode = "404", description = "This channel is not connected by OAuth")
	@ApiResponse(responseCode = "409", description = "The client id and secret are not configured yet")
	@PostMapping("/api/integrations/{type}/oauth/start")
	@PreAuthorize("hasRole('ADMIN')")
	Started start(@PathVariable String type, Authentication user, HttpServletRequest request) {
		ChannelType channel = ChannelType.fromPath(type);
		return new Started(connections.start(channel, user.getName(), redirects.callback(channel, request)));
	}

	/** Where to send the browser. */
	record Started(URI authorizeUrl) {
	}

}
