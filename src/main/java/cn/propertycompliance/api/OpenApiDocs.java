package cn.propertycompliance.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import jakarta.validation.constraints.Digits;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's title and the API-key schemes, so Swagger UI can send a key ("Authorize"). The request
 * schema is generated from the records of the request and their constraints (RequestSchemaDriftTest).
 */
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

    /**
     * swagger-core publishes every Bean Validation constraint of the request records but {@code @Digits}: the scale
     * (decimal places) becomes {@code multipleOf} here, so the docs show each number's scale as the binding checks it.
     */
    @Bean
    PropertyCustomizer decimalPlaces() {
        return (property, type) -> {
            if (type.getCtxAnnotations() != null) {
                for (Annotation a : type.getCtxAnnotations()) {
                    if (a instanceof Digits digits) {
                        property.setMultipleOf(BigDecimal.ONE.movePointLeft(digits.fraction()));
                    }
                }
            }
            return property;
        };
    }
}
