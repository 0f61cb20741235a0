package io.staysync.channels.sandbox.bookingcom;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The sandbox checks its own bearer tokens, as Booking.com does: Staysync's sign-in,
 * sessions and CSRF protection are not in its way. It answers 404 outside demo mode and
 * tests, so this opens nothing in production.
 */
@Configuration(proxyBeanMethods = false)
class SandboxSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain bookingComSandboxChain(HttpSecurity http) throws Exception {
		return http.securityMatcher(SandboxBookingComController.BASE + "/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.build();
	}

}
