package cn.propertycompliance.console;

import cn.propertycompliance.ComplianceProperties;
import cn.propertycompliance.Role;
import jakarta.servlet.DispatcherType;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Sign-in for the console only: form login with the users of {@code compliance.console.users} (bcrypt hashes), CSRF
 * on, OFFICER and REVIEWER as roles. The JSON API keeps its API-key filter: Spring Security's filter is mapped to
 * {@code /console/*} alone, so an evaluation never passes through it (neither its firewall nor its per-request work).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSecurity.class);
    static final String OFFICER = Role.OFFICER.name();
    static final String REVIEWER = Role.REVIEWER.name();

    @Bean
    SecurityFilterChain consoleFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/console/**")
                .authorizeHttpRequests(a -> a
                        // The refusal page is reached by a forward of the refused request (a POST, too): never refuse it.
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/console/login", "/console/denied", "/console/assets/**").permitAll()
                        // Sign-off is the reviewer's; everything that changes files or puts a release in service the officer's.
                        .requestMatchers(HttpMethod.POST, "/console/releases/*/approval").hasRole(REVIEWER)
                        .requestMatchers(HttpMethod.POST, "/console/releases/*/impact").hasAnyRole(OFFICER, REVIEWER)
                        .requestMatchers(HttpMethod.POST, "/console/**").hasRole(OFFICER)
                        .requestMatchers("/console/drafts/*/edit").hasRole(OFFICER)
                        .anyRequest().hasAnyRole(OFFICER, REVIEWER))
                .formLogin(f -> f.loginPage("/console/login").defaultSuccessUrl("/console", true).permitAll())
                .logout(l -> l.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?logout"))
                .exceptionHandling(e -> e.accessDeniedPage("/console/denied"));
        return http.build();
    }

    @Bean
    PasswordEncoder consolePasswordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService consoleUsers(ComplianceProperties props) {
        List<ComplianceProperties.ConsoleUser> users = props.console().usersOrEmpty();
        List<UserDetails> details = users.stream().map(ConsoleSecurity::user).toList();
        if (details.isEmpty()) {
            log.info("No console users configured (compliance.console.users): nobody can sign in to /console");
        }
        return new InMemoryUserDetailsManager(details);
    }

    private static UserDetails user(ComplianceProperties.ConsoleUser u) {
        if (u.name() == null || u.name().isBlank() || u.passwordBcrypt() == null
                || !u.passwordBcrypt().strip().matches("\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}")
                || u.roles() == null || u.roles().isEmpty()
                || !List.of(Role.OFFICER, Role.REVIEWER).containsAll(u.roles())) {
            throw new IllegalStateException("compliance.console.users: each user needs a name, password-bcrypt (a bcrypt hash, "
                    + "e.g. from `htpasswd -bnBC 12 \"\" \"$PASSWORD\" | tr -d ':\\n'`) and roles OFFICER and/or REVIEWER; check user "
                    + u.name());
        }
        return User.withUsername(u.name().strip()).password(u.passwordBcrypt().strip())
                .roles(u.roles().stream().map(Role::name).toArray(String[]::new)).build();
    }

    /** Spring Security's servlet filter serves the console's paths only; the API has its own key filter. */
    @Bean
    static BeanPostProcessor securityFilterOnConsoleOnly() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractFilterRegistrationBean<?> registration
                        && "securityFilterChainRegistration".equals(beanName)) {
                    registration.setUrlPatterns(List.of("/console/*"));
                }
                return bean;
            }
        };
    }
}
