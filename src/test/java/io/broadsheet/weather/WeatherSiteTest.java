package io.broadsheet.weather;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.broadsheet.support.SiteTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole site with the weather provider pointed at {@link FakeOpenMeteo}. Its own context and database (one
 * for all weather test classes), because the readings these tests store change every page's masthead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SiteTest
@ContextConfiguration(initializers = FakeOpenMeteo.class)
@interface WeatherSiteTest {
}
