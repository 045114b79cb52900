package io.broadsheet.article;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import org.springframework.context.ApplicationEventPublisher;

/**
 * JPA callbacks on {@link Article}: whoever saves a story (the newsroom, a test, a future import), the rest of the
 * application hears of it as an {@link ArticleChanged} event, so caches built from stories can let go.
 */
class ArticleChanges {

    private final ApplicationEventPublisher events;

    ArticleChanges(ApplicationEventPublisher events) {
        this.events = events;
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Article article) {
        events.publishEvent(new ArticleChanged(article.getId()));
    }
}
