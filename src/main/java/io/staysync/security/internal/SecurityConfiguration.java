package io.staysync.security.internal;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

import io.staysync.audit.AuditLog;

/**
 * Two filter chains. The API ({@code /api/**}, {@code /actuator/**}) is stateless: API
 * token or HTTP Basic on every call, no session and therefore no CSRF exposure, 401/403
 * as problem details. The console uses form login with a session and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * Paths of the API that channels call without a user: they verify their own
	 * signatures.
	 */
	static final String[] PUBLIC_API = { "/api/integrations/*/webhook" };

	/**
	 * Only this application's own scripts, styles and forms; no plugins, no
	 * {@code <base>} that could redirect relative links, no framing.
	 */
	static final String CONSOLE_CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	@Bean
	@Order(1)
	SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokenRegistry tokens,
			ProblemAuthenticationEntryPoint problems, AuthenticationEventPublisher events) throws Exception {
		// Failed tokens are published like failed passwords: audited and counted.
		ProviderManager tokenAuthentication = new ProviderManager(new BearerTokenAuthentication.Provider(tokens));
		tokenAuthentication.setAuthenticationEventPublisher(events);
		AuthenticationFilter bearer = new AuthenticationFilter(tokenAuthentication,
				new BearerTokenAuthentication.Converter());
		bearer.setSuccessHandler((request, response, authentication) -> {
		});
		bearer.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems));
		bearer.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());

		return http.securityMatcher("/api/**", "/actuator/**")
			.authorizeHttpRequests(
					requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
						.permitAll()
						.requestMatchers(PUBLIC_API)
						.permitAll()
						.requestMatchers("/actuator/**")
						.hasRole("ADMIN")
						.anyRequest()
						.authenticated())
			.addFilterBefore(bearer, BasicAuthenticationFilter.class)
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(
					context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain consoleFilterChain(HttpSecurity http, UserAccountRepository users, AuditLog audit)
			throws Exception {
		return http
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico")
				.permitAll()
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
				.permitAll()
				// Export feeds carry their own capability token; sandbox feeds exist only
				// in demo mode. Calendar clients and link checkers ask with HEAD first.
				.requestMatchers(HttpMethod.GET, "/ical/*.ics", "/sandbox/ical/**")
				.permitAll()
				.requestMatchers(HttpMethod.HEAD, "/ical/*.ics", "/sandbox/ical/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint(new HtmxSessionExpiry(new LoginUrlAuthenticationEntryPoint("/login"))))
			.formLogin(form -> form.loginPage("/login")
				.authenticationDetailsSource(ConsoleSignInDetails::new)
				.defaultSuccessUrl("/", false)
				.failureHandler(loginFailures())
				.permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
			.addFilterBefore(new SessionAccessCheck(users, audit), AuthorizationFilter.class)
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONSOLE_CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.build();
	}

	/**
	 * Password sign-in for the console and HTTP Basic alike; the one authentication
	 * provider of the application (API tokens have their own, in the API filter chain).
	 */
	@Bean
	ThrottledPasswordAuthentication passwordAuthentication(UserAccountRepository users, PasswordEncoder encoder,
			LoginThrottle throttle) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(new AccountUserDetailsService(users));
		passwords.setPasswordEncoder(encoder);
		return new ThrottledPasswordAuthentication(passwords, throttle);
	}

	/**
	 * A throttled sign-in is told so, not just that the password was wrong; a name
	 * without an account is throttled alike, so this tells nothing about which accounts
	 * exist.
	 */
	private static AuthenticationFailureHandler loginFailures() {
		ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
		failures.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
		failures.setDefaultFailureUrl("/login?error");
		return failures;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
