package io.staysync.common.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI document's description and its two ways to authenticate. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI staysyncOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Staysync API")
				.description("Properties, bookings and channel integrations of a Staysync installation. "
						+ "Errors are RFC 9457 problem details.")
				.version("v1"))
			.components(new Components()
				.addSecuritySchemes("apiToken",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("An API token from POST /api/auth/tokens"))
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("apiToken"))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

}
