package io.broadsheet.article;

import io.broadsheet.support.PostgresSiteTest;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link FrontPageTest} on PostgreSQL as on a large archive ({@link RecentWindow}): the front page, sections and
 * tag pages ask the last weeks first, a tag's in publication order with a subquery per story, and must read
 * exactly the same. Shares its context with {@code LargeArchiveFeedsPostgresTest}.
 */
@PostgresSiteTest
@TestPropertySource(properties = "broadsheet.listings.large-archive=1")
class LargeArchiveFrontPagePostgresTest extends FrontPageTest {
}
