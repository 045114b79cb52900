package io.broadsheet.article;

import org.springframework.data.jpa.repository.JpaRepository;

interface ArticleSlugAliasRepository extends JpaRepository<ArticleSlugAlias, String> {
}
