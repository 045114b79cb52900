package io.broadsheet.article;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link ArticlePageTest} again as on a large archive, where newest-first questions look at the last weeks first and at
 * the whole archive only when those do not fill a page ({@code io.broadsheet.article.RecentWindow}): the story page (related news: the section's newest of the last weeks)
 * must read exactly the same. These classes share one context of their own.
 */
@TestPropertySource(properties = "broadsheet.listings.large-archive=1")
class LargeArchiveArticlePageTest extends ArticlePageTest {
}
