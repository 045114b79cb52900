package io.broadsheet.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@link SiteTest} on a real PostgreSQL with the {@code postgres} profile: the whole application on a random port
 * with its own database on the embedded server ({@link TestPostgres}). Every class with this annotation shares
 * one Spring context, as {@code @SiteTest} classes do. A subclass of a {@code @SiteTest} class with this
 * annotation reruns all of its tests on PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestPostgres.Available.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles({"test", "postgres"})
@ContextConfiguration(initializers = TestPostgres.Initializer.class)
@Import({TestClockConfiguration.class, TestArticles.class, TestStaff.class})
public @interface PostgresSiteTest {
}
