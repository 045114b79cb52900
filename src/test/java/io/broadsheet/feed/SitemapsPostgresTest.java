package io.broadsheet.feed;

import io.broadsheet.support.PostgresSiteTest;

/** Every test of {@link SitemapsTest}, rerun on PostgreSQL (the article sitemaps' ranges of ids are arithmetic in SQL). */
@PostgresSiteTest
class SitemapsPostgresTest extends SitemapsTest {
}
