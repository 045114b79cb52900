package io.broadsheet.feed;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link FeedsTest} again as on a large archive, where newest-first questions look at the last weeks first and at
 * the whole archive only when those do not fill a page ({@code io.broadsheet.article.RecentWindow}): the feeds
 * must read exactly the same. These classes share one context of their own.
 */
@TestPropertySource(properties = "broadsheet.listings.large-archive=1")
class LargeArchiveFeedsTest extends FeedsTest {
}
