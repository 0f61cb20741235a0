package io.staysync.security.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

import io.staysync.security.StaysyncUser;

/**
 * {@code Authorization: Bearer sst_…}: the converter reads the header, the provider asks
 * the registry. The token value lives only in the unauthenticated request object.
 */
final class BearerTokenAuthentication {

	private BearerTokenAuthentication() {
	}

	static final class Converter implements AuthenticationConverter {

		@Override
		public Authentication convert(HttpServletRequest request) {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
				return null;
			}
			String token = header.substring(7).trim();
			if (token.isEmpty()) {
				throw new BadCredentialsException("Empty bearer token");
			}
			return new Presented(token);
		}

	}

	static final class Provider implements AuthenticationProvider {

		private final ApiTokenRegistry registry;

		Provider(ApiTokenRegistry registry) {
			this.registry = registry;
		}

		@Override
		public Authentication authenticate(Authentication authentication) {
			String token = ((Presented) authentication).token;
			StaysyncUser user = registry.authenticate(token)
				.orElseThrow(() -> new BadCredentialsException("Unknown, revoked or expired API token"));
			return new Authenticated(user);
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return Presented.class.isAssignableFrom(authentication);
		}

	}

	/** A token as presented, not yet checked. */
	static final class Presented extends AbstractAuthenticationToken {

		private final transient String token;

		Presented(String token) {
			super(java.util.List.of());
			this.token = token;
		}

		@Override
		public Object getCredentials() {
			return "[api token]";
		}

		@Override
		public Object getPrincipal() {
			return "[api token]";
		}

	}

	/** A user authenticated by an API token. */
	static final class Authenticated extends AbstractAuthenticationToken {

		private final StaysyncUser user;

		Authenticated(StaysyncUser user) {
			super(user.getAuthorities());
			this.user = user;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return null;
		}

		@Override
		public Object getPrincipal() {
			return user;
		}

	}

}
