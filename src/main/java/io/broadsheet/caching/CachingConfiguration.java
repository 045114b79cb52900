package io.broadsheet.caching;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class CachingConfiguration implements WebMvcConfigurer {

    private final ReaderCaching caching;
    private final RenderedPages rendered;

    CachingConfiguration(ReaderCaching caching, CacheProperties properties) {
        this.caching = caching;
        this.rendered = new RenderedPages(caching, properties.renderedPagesSize().toBytes());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ReaderPageCaching(caching, rendered)).excludePathPatterns("/actuator/**");
    }

    /** After Spring Security's filters, so that it knows who is signed in (their pages are never kept). */
    @Bean
    FilterRegistrationBean<RenderedPages> renderedPages() {
        FilterRegistrationBean<RenderedPages> registration = new FilterRegistrationBean<>(rendered);
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return registration;
    }
}
