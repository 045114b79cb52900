package io.broadsheet.article;

import io.broadsheet.support.PostgresSiteTest;

/** Every test of {@link ArticlePageTest}, rerun on PostgreSQL. */
@PostgresSiteTest
class ArticlePagePostgresTest extends ArticlePageTest {
}
