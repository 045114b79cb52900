package io.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import io.broadsheet.section.Slugs;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link NewestFirstPlansTest} again as on a large archive, where listings ask the last weeks first
 * ({@link RecentWindow}), and there a tag's listing and feed too read the public stories in the order of
 * {@code article_by_publication}, asking each story whether it has the tag (on a small archive, and for the whole
 * archive when the last weeks do not fill a page, a tag's stories are found from the tag and sorted).
 */
@TestPropertySource(properties = "broadsheet.listings.large-archive=1")
class LargeArchivePlansTest extends NewestFirstPlansTest {

    /**
     * Here a listing whose last weeks do not fill its page (as in these tests) asks twice, the last weeks and then the
     * whole archive: each statement reads the index in order.
     */
    @Override
    void listingReadsInOrder(List<String> plans, String index) {
        List<String> reading = plans.stream().filter(plan -> reads(plan, index) && plan.contains("ORDER BY")).toList();
        assertThat(reading).as("statements reading %s in %s", index, plans).hasSize(2)
                .allSatisfy(plan -> assertThat(plan).contains(SORTED));
    }

    @Test
    void aTagsRecentStoriesAndItsFeedAreReadInIndexOrder() throws Exception {
        String tag = "/tags/" + Slugs.of("Plans Tag");
        for (String path : List.of(tag, tag + "/feed.xml")) {
            List<String> recent = plans(get(path)).stream()
                    .filter(plan -> reads(plan, "article_by_publication") && plan.contains("EXISTS"))
                    .toList();
            assertThat(recent).as(path).hasSize(1);
            assertThat(recent.get(0)).as(path).contains(SORTED).contains("/* public.PRIMARY_KEY");
        }
    }
}
