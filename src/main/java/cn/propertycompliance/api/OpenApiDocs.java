package cn.propertycompliance.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and the API-key schemes, so Swagger UI can send a key ("Authorize"). */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "物业合规规则服务 · Property Compliance Rules Service", version = "v1",
                description = "Evaluates property-management facts against encoded provincial and city policies; "
                        + "every finding cites its clause. Contract: api.md."),
        security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "apiKey")})
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "Authorization: Bearer <key>; needed when compliance.security.clients is configured")
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, paramName = "X-API-Key",
        description = "X-API-Key: <key>; the same keys as bearer")
class OpenApiDocs {
}
