package io.broadsheet.support;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import io.broadsheet.article.Article;
import io.broadsheet.article.ArticleRepository;
import io.broadsheet.article.ArticleStatus;
import io.broadsheet.section.Section;
import io.broadsheet.section.SectionRepository;
import io.broadsheet.section.Slugs;
import io.broadsheet.section.Tag;
import io.broadsheet.section.TagRepository;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes stories straight to the database, for tests of what readers see. */
@TestComponent
public class TestArticles {

    private final ArticleRepository articles;
    private final SectionRepository sections;
    private final TagRepository tags;
    private final TransactionTemplate transaction;

    TestArticles(ArticleRepository articles, SectionRepository sections, TagRepository tags,
            TransactionTemplate transaction) {
        this.articles = articles;
        this.sections = sections;
        this.tags = tags;
        this.transaction = transaction;
    }

    public Section section(String name) {
        return transaction.execute(status -> sections.findBySlug(Slugs.of(name))
                .orElseGet(() -> sections.save(new Section(name))));
    }

    public Article publish(String headline, String sectionName, Instant publishedAt, String... tagNames) {
        return save(headline, sectionName, ArticleStatus.PUBLISHED, publishedAt, tagNames);
    }

    public Article save(String headline, String sectionName, ArticleStatus status, Instant publishedAt,
            String... tagNames) {
        return transaction.execute(tx -> {
            Section section = sections.findBySlug(Slugs.of(sectionName))
                    .orElseGet(() -> sections.save(new Section(sectionName)));
            Set<Tag> tagged = new LinkedHashSet<>();
            for (String name : tagNames) {
                tagged.add(tags.findBySlug(Slugs.of(name)).orElseGet(() -> tags.save(new Tag(name))));
            }
            Article article = new Article(Slugs.of(headline, 200), headline,
                    "First sentence of " + headline + ". A second sentence follows.", section, publishedAt);
            article.setTags(tagged);
            article.setStatus(status);
            article.setPublishedAt(publishedAt);
            return articles.save(article);
        });
    }

    public Article update(Article article) {
        return transaction.execute(tx -> articles.save(article));
    }
}
