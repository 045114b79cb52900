package io.broadsheet.system;

import java.util.List;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceChainRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The stylesheets, scripts and images under {@code static/}, each folder at its own address ({@code /css/**},
 * {@code /js/**}, {@code /images/**}), kept by browsers as long as {@code spring.web.resources.cache.*} says.
 * Stylesheets and scripts are linked by a hash of their content ({@code /css/site-<md5>.css}, written into the
 * pages by Spring's resource-URL filter, {@code spring.web.resources.chain.enabled}), so a new build with a changed
 * file links a new name; images keep their names (the logo's address is in other sites' link previews).
 *
 * <p>Spring Boot's own mapping ({@code spring.web.resources.add-mappings}, off) serves {@code /**}: every link a
 * template writes (each story, each section) was then looked up as a possible static file, in four classpath
 * folders inside the jar, on every rendering — an eighth of the time a search page took to render.
 */
@Configuration(proxyBeanMethods = false)
class StaticAssets implements WebMvcConfigurer {

    static final List<String> FOLDERS = List.of("css", "js", "images");
    static final List<String> FINGERPRINTED = List.of("css", "js");

    private final WebProperties.Resources resources;

    StaticAssets(WebProperties web) {
        this.resources = web.getResources();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : FOLDERS) {
            ResourceChainRegistration registration = registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(resources.getCache().getCachecontrol().toHttpCacheControl())
                    .resourceChain(resources.getChain().isCache());
            if (FINGERPRINTED.contains(folder)) {
                registration.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
            }
        }
    }
}
