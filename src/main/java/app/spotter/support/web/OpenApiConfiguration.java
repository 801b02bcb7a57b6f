package app.spotter.support.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the generated OpenAPI document says about the API as a whole; the paths come from the controllers
 * (springdoc). The contract in words is docs/api.md.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI spotterOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Spotter API").version("1")
                        .description("Bookings for personal trainers, kept in their calendars. JSON in and out, "
                                + "snake_case fields, times ISO-8601 with an offset, errors RFC 9457 problem+json. "
                                + "Authenticate with a bearer token from POST /api/v1/auth/tokens."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
