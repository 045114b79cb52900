package io.broadsheet.newsroom;

import io.broadsheet.support.PostgresSiteTest;

/** Every test of {@link ArticleFormTest}, rerun on PostgreSQL. */
@PostgresSiteTest
class ArticleFormPostgresTest extends ArticleFormTest {
}
