package io.broadsheet.article;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link FrontPageTest} again as on a large archive, where newest-first questions look at the last weeks first and at
 * the whole archive only when those do not fill a page ({@code io.broadsheet.article.RecentWindow}): the front page
 * must read exactly the same. These classes share one context of their own.
 */
@TestPropertySource(properties = "broadsheet.listings.large-archive=1")
class LargeArchiveFrontPageTest extends FrontPageTest {
}
