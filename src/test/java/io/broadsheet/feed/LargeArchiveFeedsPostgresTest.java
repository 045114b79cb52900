package io.broadsheet.feed;

import io.broadsheet.support.PostgresSiteTest;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link FeedsTest} on PostgreSQL as on a large archive ({@code io.broadsheet.article.RecentWindow}): the feeds
 * ask the last weeks first, a tag's in publication order with a subquery per story, and must read the same.
 */
@PostgresSiteTest
@TestPropertySource(properties = "broadsheet.listings.large-archive=1")
class LargeArchiveFeedsPostgresTest extends FeedsTest {
}
