package io.broadsheet.system;

import java.net.URI;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the site calls itself, which calendar its dates follow and where readers reach it.
 */
@ConfigurationProperties("broadsheet.site")
public record SiteProperties(
        @DefaultValue("Broadsheet") String name,
        @DefaultValue("UTC") ZoneId timeZone,
        @DefaultValue("http://localhost:8080") URI baseUrl) {
}
