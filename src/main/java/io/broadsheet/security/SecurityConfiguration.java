package io.broadsheet.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Readers need no account and get no session; everything under /admin needs a signed-in member of staff. The
 * rights of a whole area are rules on its paths here (staff accounts: ADMIN; the weather reading: EDITOR or
 * ADMIN); finer ones (who may publish which story) are checked in the newsroom. There is no method security: its
 * advisors looked through every method of every bean for annotations at each start (about half a second on two
 * cores, with the JIT compiling that search) to guard two controllers that a path rule guards as well.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String ARTICLE_FORMS = "/admin/articles";

    @Bean
    SecurityFilterChain web(HttpSecurity http, LoginThrottle throttle, StaffUserDetailsService staff,
            PasswordEncoder passwordEncoder) throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(staff);
        passwords.setPasswordEncoder(passwordEncoder);
        AuthenticationProvider throttled = new ThrottledAuthenticationProvider(passwords, throttle);

        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/admin/staff", "/admin/staff/**").hasRole(StaffRole.ADMIN.name())
                        .requestMatchers("/admin/weather", "/admin/weather/**")
                                .hasAnyRole(StaffRole.EDITOR.name(), StaffRole.ADMIN.name())
                        .requestMatchers("/admin", "/admin/**").authenticated()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator", "/actuator/**").denyAll()
                        .anyRequest().permitAll())
                // The only way to sign in: no parent manager that could accept a password the throttle refused.
                .authenticationManager(new ProviderManager(throttled))
                .formLogin(login -> login.loginPage("/login").permitAll()
                        .successHandler(new BackToUnsavedForm()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                // The token lives in a cookie rather than the session, so that a form posted after the session
                // expired still passes the CSRF check and reaches the sign-in page with its text kept.
                .csrf(csrf -> csrf.csrfTokenRepository(csrfCookie()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                        .frameOptions(frames -> frames.deny()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new KeepUnsavedForm()));
        return http.build();
    }

    /**
     * No inline script or style anywhere (the newsroom's one script is /js/newsroom.js); JSON-LD is data, which
     * script-src does not govern. Story images may come from any HTTPS host.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' https: data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /** HttpOnly (the default) and SameSite=Lax; Secure whenever the request came over HTTPS. */
    private static CookieCsrfTokenRepository csrfCookie() {
        CookieCsrfTokenRepository repository = new CookieCsrfTokenRepository();
        repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return repository;
    }

    /**
     * BCrypt at {@code broadsheet.security.bcrypt-strength} (log2 of its rounds: 10, Spring's default, unless an
     * operator asks for more; the tests ask for the minimum, 4, as they hash thousands of passwords), stored with
     * its {@code {bcrypt}} prefix so that a future change of algorithm can tell old hashes apart.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${broadsheet.security.bcrypt-strength:10}") int strength) {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
    }

    /** Sends the unauthenticated to sign in, keeping any article form they posted. */
    static final class KeepUnsavedForm implements AuthenticationEntryPoint {

        private final LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");

        @Override
        public void commence(HttpServletRequest request, HttpServletResponse response,
                AuthenticationException reason) throws IOException, jakarta.servlet.ServletException {
            if ("POST".equals(request.getMethod()) && request.getRequestURI().startsWith(ARTICLE_FORMS)) {
                request.getSession().setAttribute(UnsavedForm.SESSION_KEY, UnsavedForm.of(request));
            }
            login.commence(request, response, reason);
        }
    }

    /** After sign-in, back to the kept form if there is one, else where they were going. */
    static final class BackToUnsavedForm extends SavedRequestAwareAuthenticationSuccessHandler {

        BackToUnsavedForm() {
            setDefaultTargetUrl("/admin/articles");
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                Authentication authentication) throws IOException, jakarta.servlet.ServletException {
            var session = request.getSession(false);
            if (session != null && session.getAttribute(UnsavedForm.SESSION_KEY) != null) {
                clearAuthenticationAttributes(request);
                getRedirectStrategy().sendRedirect(request, response, ARTICLE_FORMS + "/recovered");
                return;
            }
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }
}
