package io.broadsheet.caching;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.broadsheet.article.ArticleChanged;
import io.broadsheet.search.SearchIndexRebuilt;
import io.broadsheet.weather.WeatherRecorded;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class CachingConfiguration implements WebMvcConfigurer {

    private final ReaderCaching caching;
    private final RenderedPages rendered;
    private final PageSnapshots snapshots;

    CachingConfiguration(ReaderCaching caching, CacheProperties properties, Clock clock, ServerProperties server,
            @Value("${server.servlet.session.cookie.name:}") String sessionCookie,
            @Value("${spring.jpa.properties.hibernate.search.coordination.strategy:}") String searchCoordination) {
        this.caching = caching;
        this.rendered = new RenderedPages(caching, properties.renderedPagesSize().toBytes());
        List<String> sessionCookies = new ArrayList<>(List.of("SESSION", "JSESSIONID"));
        if (!sessionCookie.isBlank()) {
            sessionCookies.add(sessionCookie);
        }
        // With outbox-polling, a story reaches the index a moment after its change is announced: search results
        // kept at that moment would miss it for the rest of the minute, so they are not kept.
        List<String> notKept = searchCoordination.isBlank() ? List.of() : List.of("/search");
        this.snapshots = new PageSnapshots(sessionCookies, notKept, clock, properties.snapshotsSize().toBytes(),
                server.getCompression());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ReaderPageCaching(caching, rendered)).excludePathPatterns("/actuator/**");
    }

    /**
     * First of all filters (with the character-encoding one, which does not matter to it): ahead of the request
     * metrics, Spring Session and Spring Security, so that a kept page is answered without them. It is only ever a
     * page for someone who carries no session.
     */
    @Bean
    FilterRegistrationBean<PageSnapshots> pageSnapshots() {
        FilterRegistrationBean<PageSnapshots> registration = new FilterRegistrationBean<>(snapshots);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        // a reader's request as it arrives, and the answer to one that was set aside (a search waiting its turn);
        // never a forward or an error page
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }

    /** Kept pages replayed before Tomcat builds a filter chain for them (see {@link SnapshotReplayValve}). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> snapshotReplay() {
        return factory -> factory.addContextValves(new SnapshotReplayValve(snapshots));
    }

    @Bean
    MeterBinder pageSnapshotMetrics() {
        return snapshots;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void storyChanged(ArticleChanged change) {
        snapshots.contentChanged();
    }

    @EventListener({WeatherRecorded.class, SearchIndexRebuilt.class})
    void weatherOrSearchChanged() {
        snapshots.contentChanged();
    }

    /** After Spring Security's filters, so that it knows who is signed in (their pages are never kept). */
    @Bean
    FilterRegistrationBean<RenderedPages> renderedPages() {
        FilterRegistrationBean<RenderedPages> registration = new FilterRegistrationBean<>(rendered);
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return registration;
    }
}
