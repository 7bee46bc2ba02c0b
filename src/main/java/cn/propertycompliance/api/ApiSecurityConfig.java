package cn.propertycompliance.api;

import cn.propertycompliance.ComplianceProperties;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Installs the API-key filter ({@code compliance.security.clients}; none configured = open local mode). */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(ApiSecurityConfig.class);

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ComplianceProperties props) {
        List<ComplianceProperties.Client> clients = props.security().clientsOrEmpty();
        for (ComplianceProperties.Client c : clients) {
            if (c.name() == null || c.keySha256() == null || !c.keySha256().strip().matches("(?i)[0-9a-f]{64}")
                    || c.roles() == null || c.roles().isEmpty()) {
                throw new IllegalStateException("compliance.security.clients: each client needs a name, key-sha256 "
                        + "(64 hex digits, e.g. from `printf %s \"$KEY\" | sha256sum`) and roles; check client " + c.name());
            }
        }
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(new ApiKeyFilter(clients));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        if (clients.isEmpty()) {
            // Still installed: it judges every path, and grants the open mode's caller every role.
            log.warn("No API clients configured (compliance.security.clients): every endpoint is open. Configure clients in production.");
        }
        return registration;
    }

    /** For configuration files and tests: the value to put in {@code key-sha256} for a key. */
    static String keySha256(String key) {
        return HexFormat.of().formatHex(ApiKeyFilter.sha256(key));
    }
}
