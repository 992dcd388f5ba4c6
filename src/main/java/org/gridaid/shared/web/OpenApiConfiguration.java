package org.gridaid.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The description of /api/** served at /v3/api-docs and /api-docs.html. */
@Configuration
class OpenApiConfiguration {

  @Bean
  OpenAPI gridAidApi() {
    return new OpenAPI()
        .info(new Info().title("Grid Aid API").version("v1").description("""
            Help requests, the grid hierarchy, the registers and the stock of Grid Aid. Outside systems send \
            their API key in X-Api-Key; staff use their Tasklist account over HTTP Basic. Errors \
            are application/problem+json (RFC 9457) with a stable type."""))
        .components(new Components()
            .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-Api-Key"))
            .addSecuritySchemes("staff", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("apiKey"))
        .addSecurityItem(new SecurityRequirement().addList("staff"));
  }
}
