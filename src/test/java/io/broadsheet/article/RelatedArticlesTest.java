package io.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;

import io.broadsheet.section.Section;
import io.broadsheet.section.Slugs;
import io.broadsheet.section.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The related-news query itself, on the real schema that Flyway builds. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
@Import(RelatedArticles.class)
class RelatedArticlesTest {

    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    @Autowired
    TestEntityManager entities;

    @Autowired
    RelatedArticles related;

    Section world;
    Section sport;

    @BeforeEach
    void sections() {
        world = entities.persist(new Section("World"));
        sport = entities.persist(new Section("Sport"));
    }

    Tag tag(String name) {
        return entities.persist(new Tag(name));
    }

    Article story(String headline, Section section, ArticleStatus status, Instant published, Tag... tags) {
        Article article = new Article(Slugs.of(headline), headline, "Body of " + headline, section, published);
        article.setStatus(status);
        article.setPublishedAt(published);
        article.setTags(new LinkedHashSet<>(Arrays.asList(tags)));
        return entities.persistAndFlush(article);
    }

    Article published(String headline, Section section, Duration ago, Tag... tags) {
        return story(headline, section, ArticleStatus.PUBLISHED, NOW.minus(ago), tags);
    }

    @Test
    void sharedTagsBeatSectionWhichBeatsRecency() {
        Tag kabul = tag("Kabul");
        Tag herat = tag("Herat");
        Tag taliban = tag("Taliban");
        Article subject = published("Subject story", world, Duration.ofHours(1), kabul, herat, taliban);
        published("Same section, newest, no tags", world, Duration.ofMinutes(5));
        published("Other section, one shared tag", sport, Duration.ofDays(30), herat);
        published("Same section, one shared tag", world, Duration.ofDays(40), kabul);
        published("Other section, two shared tags, old", sport, Duration.ofDays(400), kabul, taliban);
        published("Same section, older, no tags", world, Duration.ofDays(2));
        published("Other section, nothing shared", sport, Duration.ofMinutes(1));

        assertThat(related.of(subject.getId(), world.getId(), NOW)).extracting(RelatedArticle::headline)
                .containsExactly("Other section, two shared tags, old", "Same section, one shared tag",
                        "Other section, one shared tag", "Same section, newest, no tags",
                        "Same section, older, no tags");
    }

    @Test
    void itselfDraftsArchivedAndFutureStoriesNeverAppear() {
        Tag kabul = tag("Kabul");
        Article subject = published("Subject story", world, Duration.ofHours(1), kabul);
        story("Draft sharing a tag", world, ArticleStatus.DRAFT, NOW.minus(Duration.ofHours(2)), kabul);
        story("Archived sharing a tag", world, ArticleStatus.ARCHIVED, NOW.minus(Duration.ofHours(2)), kabul);
        story("Scheduled sharing a tag", world, ArticleStatus.PUBLISHED, NOW.plus(Duration.ofHours(2)), kabul);
        published("Visible sharing a tag", sport, Duration.ofDays(9), kabul);

        assertThat(related.of(subject.getId(), world.getId(), NOW)).extracting(RelatedArticle::headline)
                .containsExactly("Visible sharing a tag");
    }

    @Test
    void atMostFiveAndTheSharedTagCountIsReported() {
        Tag kabul = tag("Kabul");
        Tag herat = tag("Herat");
        Article subject = published("Subject story", world, Duration.ofHours(1), kabul, herat);
        for (int i = 1; i <= 8; i++) {
            published("Sharing one tag " + i, sport, Duration.ofDays(i), kabul);
        }
        published("Sharing two tags", sport, Duration.ofDays(100), kabul, herat);

        var list = related.of(subject.getId(), world.getId(), NOW);

        assertThat(list).hasSize(5);
        assertThat(list.get(0).headline()).isEqualTo("Sharing two tags");
        assertThat(list.get(0).sharedTags()).isEqualTo(2);
        assertThat(list.subList(1, 5)).extracting(RelatedArticle::headline)
                .containsExactly("Sharing one tag 1", "Sharing one tag 2", "Sharing one tag 3", "Sharing one tag 4");
    }

    @Test
    void aStoryWithNoTagsAndAnEmptySectionHasNoRelatives() {
        Article subject = published("Alone", world, Duration.ofHours(1));
        published("Elsewhere", sport, Duration.ofHours(2));

        assertThat(related.of(subject.getId(), world.getId(), NOW)).isEmpty();
    }
}
