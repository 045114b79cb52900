package io.broadsheet.caching;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class CachingConfiguration implements WebMvcConfigurer {

    private final ReaderCaching caching;

    CachingConfiguration(ReaderCaching caching) {
        this.caching = caching;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ReaderPageCaching(caching)).excludePathPatterns("/actuator/**");
    }
}
