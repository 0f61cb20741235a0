package io.staysync.integrations.internal;

import java.net.URI;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.staysync.channels.ChannelType;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a channel's consent page sends the browser back:
 * {@code {base}/integrations/{type}/oauth/callback}. The base is
 * {@code staysync.integrations.public-url} when set, the one address registered with the
 * channel whatever reaches this instance; otherwise the request's own, as Tomcat resolved
 * it (X-Forwarded-Proto and -Host count only from trusted proxies).
 */
@Component
public class OAuthRedirects {

	private final IntegrationSettings settings;

	OAuthRedirects(IntegrationSettings settings) {
		this.settings = settings;
	}

	public URI callback(ChannelType type, HttpServletRequest request) {
		String path = "/integrations/" + type.path() + "/oauth/callback";
		if (settings.hasPublicUrl()) {
			return URI.create(settings.publicUrl() + path);
		}
		return ServletUriComponentsBuilder.fromContextPath(request).path(path).build().toUri();
	}

}
