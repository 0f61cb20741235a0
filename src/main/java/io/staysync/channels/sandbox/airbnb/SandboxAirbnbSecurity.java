package io.staysync.channels.sandbox.airbnb;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The sandbox checks its own client credentials and tokens, as Airbnb does: Staysync's
 * sign-in, sessions and CSRF protection are not in its way (its consent page is Airbnb's
 * page, not Staysync's). It answers 404 outside demo mode and tests, so this opens
 * nothing in production.
 */
@Configuration(proxyBeanMethods = false)
class SandboxAirbnbSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain airbnbSandboxChain(HttpSecurity http) throws Exception {
		return http.securityMatcher(SandboxAirbnbOAuthController.BASE + "/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.build();
	}

}
