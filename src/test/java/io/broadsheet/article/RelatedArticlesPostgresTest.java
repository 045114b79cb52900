package io.broadsheet.article;

import io.broadsheet.support.TestPostgres;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** Every test of the related-news query ({@link RelatedArticlesTest}), rerun on PostgreSQL. */
@ExtendWith(TestPostgres.Available.class)
@ActiveProfiles({"test", "postgres"})
@ContextConfiguration(initializers = TestPostgres.Initializer.class)
class RelatedArticlesPostgresTest extends RelatedArticlesTest {
}
