package io.tumorboard.board.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Form login for people, HTTP Basic for integrations calling the REST API, CSRF on every state change except an
 * integration's JSON call with HTTP Basic ({@link ApiClientRequest}), and every route authorised from
 * {@link AccessMatrix}; anything unlisted is denied.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** bcrypt with cost 12: about 0.2 s per login on this hardware, slow enough to make guessing expensive. */
    private static final int BCRYPT_COST = 12;

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(BCRYPT_COST);
    }

    /**
     * The one authentication provider (form sign-in and HTTP Basic): Spring Security's user-name-and-password check
     * over {@code board_user}, with bcrypt skipped for a pair verified in the last five minutes (HTTP Basic callers
     * send the password on every request). {@link BoardUsers} is deliberately not a {@code UserDetailsService}
     * bean, so Spring Security builds no second provider beside this one.
     */
    @Bean
    PasswordCheck passwordCheck(BoardUsers users, PasswordEncoder encoder, VerifiedCredentials verified) {
        return new PasswordCheck(users::signInDetails, encoder, verified);
    }

    /**
     * No Micrometer observation around each security filter and authorisation: they exist for tracing, which this
     * site does not run, and under {@code bench} the wrapping of every filter of every request cost more CPU than
     * the case page's database reads. Boot's {@code management.observations.enable.spring.security=false} only
     * makes the observations no-ops; this removes the wrapping. HTTP server metrics are unaffected.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** The open sessions per user, so the admin's changes to a user end that user's sessions at once. */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when the container ends a session (timeout, sign-out). */
    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /**
     * Health and Prometheus metrics exist only on the management port, bound to loopback (application.properties):
     * the network boundary guards them, so a scraper needs no board account. They carry counts, never patient data.
     */
    @Bean
    @Order(0)
    SecurityFilterChain monitoring(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/**").authorizeHttpRequests(auth -> auth
                .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/prometheus")
                .permitAll()
                .anyRequest().denyAll());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain boardSecurity(HttpSecurity http, SessionRegistry sessions) throws Exception {
        http.authorizeHttpRequests(auth -> {
            auth.requestMatchers(HttpMethod.GET, "/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico",
                    "/error").permitAll();
            for (AccessRule rule : AccessMatrix.rules()) {
                auth.requestMatchers(rule.method(), rule.pattern())
                        .hasAnyAuthority(rule.roles().stream().map(BoardRole::authority).toArray(String[]::new));
            }
            auth.anyRequest().denyAll();
        });
        http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll());
        http.logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll());
        // Any number of sessions per user (a chair may use the meeting room and their office), each registered
        // so that SignedInSessions can end them.
        http.sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessions)
                .expiredUrl("/login?ended"));
        http.httpBasic(Customizer.withDefaults());
        http.csrf(csrf -> csrf.ignoringRequestMatchers(new ApiClientRequest()));
        // Not a bean: as one, Boot would also register it as a servlet filter outside the security chain.
        http.addFilterAfter(new PasswordChangeGate(), AuthorizationFilter.class);
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'"))
                .addObjectPostProcessor(headersBeforeTheResponse()));
        return http.build();
    }

    /**
     * The security headers (CSP, frame options, no-store, nosniff) are the same on every answer, so they are set
     * before the request goes on rather than when the response commits. Set on commit, the filter wraps the response,
     * and every one of the thousands of small writes of a rendered page went through the wrapper's commit check
     * (JFR under {@code bench}: about 7 % of the case page's allocations and a share of its rendering CPU). Nothing
     * in the workbench sets caching headers of its own, so the answers carry the same headers as before.
     */
    private static ObjectPostProcessor<HeaderWriterFilter> headersBeforeTheResponse() {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                filter.setShouldWriteHeadersEagerly(true);
                return filter;
            }
        };
    }
}
