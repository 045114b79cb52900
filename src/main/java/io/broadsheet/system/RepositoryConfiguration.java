package io.broadsheet.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The Spring Data repositories of every feature, as Spring Boot would set them up, but with the simple query
 * enhancer: Spring Data otherwise parses each {@code @Query} at start-up with an HQL grammar of its own (ANTLR) to
 * add sorting or a count query, which none of these queries needs (the listings are slices in a fixed order), while
 * Hibernate parses and checks each of them anyway. That parse was 7% of the main thread's start-up. Hibernate's own
 * parse waits for each query's first run ({@link FirstUseQueriesRepositoryFactoryBean}).
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(basePackages = "io.broadsheet", queryEnhancerSelector = SimpleQueryEnhancer.class,
        repositoryFactoryBeanClass = FirstUseQueriesRepositoryFactoryBean.class)
public class RepositoryConfiguration {
}
