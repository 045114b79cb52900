package io.broadsheet.newsroom;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ArticleRevisionRepository extends JpaRepository<ArticleRevision, Long> {

    List<ArticleRevision> findByArticleIdOrderByNumberDesc(long articleId);

    Optional<ArticleRevision> findByArticleIdAndNumber(long articleId, int number);

    Optional<ArticleRevision> findFirstByArticleIdOrderByNumberDesc(long articleId);

    @Query("select coalesce(max(r.number), 0) from ArticleRevision r where r.articleId = :articleId")
    int lastNumber(long articleId);
}
