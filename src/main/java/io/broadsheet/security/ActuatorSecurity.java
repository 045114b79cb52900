package io.broadsheet.security;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The actuator: health and its probes for anyone (status only, no details), Prometheus metrics for an ADMIN,
 * nothing else. A scraper signs in with HTTP Basic as an ADMIN account, through the same login throttle as the
 * sign-in form; an ADMIN already signed in through the form can open it in the browser. It never makes a
 * session of its own.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain actuator(HttpSecurity http, LoginThrottle throttle, StaffUserDetailsService staff,
            PasswordEncoder passwordEncoder) throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(staff);
        passwords.setPasswordEncoder(passwordEncoder);
        http.securityMatcher("/actuator", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").hasRole(StaffRole.ADMIN.name())
                        .anyRequest().denyAll())
                .authenticationManager(new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle)))
                .httpBasic(withDefaults())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER));
        return http.build();
    }
}
