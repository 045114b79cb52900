package io.broadsheet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.broadsheet.support.SiteTest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.config.AopConfigUtils;
import org.springframework.aop.framework.autoproxy.InfrastructureAdvisorAutoProxyCreator;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.core.support.RepositoryFactoryInformation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.interceptor.BeanFactoryTransactionAttributeSourceAdvisor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the start no longer does is still right: every declared JPQL query of every repository is one Hibernate
 * accepts (Spring Data checked them at start; {@link FirstUseQueriesRepositoryFactoryBean} leaves each to its first
 * run), and transactions still wrap the beans that declare them without AspectJ's proxy creator, with the
 * transaction advisor looking at Broadsheet's own beans only ({@link OwnTransactionalBeans}).
 */
@SiteTest
class DeclaredQueriesTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    EntityManagerFactory entityManagers;

    @Test
    void everyRepositoryIsMadeByTheFactoryThatDefersDeclaredQueries() {
        Map<String, RepositoryFactoryInformation> factories = context.getBeansOfType(RepositoryFactoryInformation.class);
        assertThat(factories).hasSizeGreaterThanOrEqualTo(7)
                .allSatisfy((name, factory) -> assertThat(factory).isInstanceOf(FirstUseQueriesRepositoryFactoryBean.class));
    }

    @Test
    void everyDeclaredQueryIsOneHibernateAccepts() {
        List<String> declared = new ArrayList<>();
        for (RepositoryFactoryInformation<?, ?> factory : context.getBeansOfType(RepositoryFactoryInformation.class)
                .values()) {
            for (Method method : factory.getRepositoryInformation().getRepositoryInterface().getMethods()) {
                Query query = AnnotatedElementUtils.findMergedAnnotation(method, Query.class);
                if (query != null && !query.nativeQuery()) {
                    declared.add(query.value());
                }
            }
        }
        // ArticleRepository's six and ArticleRevisionRepository's one, at the time of writing
        assertThat(declared).hasSizeGreaterThanOrEqualTo(7);
        try (EntityManager entityManager = entityManagers.createEntityManager()) {
            for (String query : declared) {
                assertThatCode(() -> entityManager.createQuery(query)).as(query).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void aBrokenQueryIsOneHibernateRefuses() {
        try (EntityManager entityManager = entityManagers.createEntityManager()) {
            assertThatCode(() -> entityManager.createQuery("select a from Article a where a.nonsense = 1"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void transactionsAreAppliedByTheInfrastructureProxyCreator() {
        assertThat(context.getBean(AopConfigUtils.AUTO_PROXY_CREATOR_BEAN_NAME))
                .isExactlyInstanceOf(InfrastructureAdvisorAutoProxyCreator.class);
        assertThat(AopUtils.isAopProxy(context.getBean("newsroomArticles"))).isTrue();
    }

    @Test
    void theTransactionAdvisorLooksAtBroadsheetsOwnBeansOnly() {
        ClassFilter looksAt = context.getBean(BeanFactoryTransactionAttributeSourceAdvisor.class).getPointcut()
                .getClassFilter();
        assertThat(looksAt.matches(context.getBean("newsroomArticles").getClass())).isTrue();
        assertThat(looksAt.matches(JdbcTemplate.class)).isFalse();
        assertThat(looksAt.matches(TransactionTemplate.class)).isFalse();
        assertThat(looksAt.matches(java.util.ArrayList.class)).isFalse();
    }
}
