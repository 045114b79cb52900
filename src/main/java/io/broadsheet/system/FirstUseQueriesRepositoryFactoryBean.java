package io.broadsheet.system;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.query.DefaultJpaQueryMethodFactory;
import org.springframework.data.jpa.repository.query.EscapeCharacter;
import org.springframework.data.jpa.repository.query.JpaQueryMethodFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactory;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactoryBean;
import org.springframework.data.jpa.provider.PersistenceProvider;
import org.springframework.data.projection.ProjectionFactory;
import org.springframework.data.querydsl.EntityPathResolver;
import org.springframework.data.querydsl.SimpleEntityPathResolver;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.core.NamedQueries;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;
import org.springframework.data.repository.query.ValueExpressionDelegate;
import org.springframework.util.function.SingletonSupplier;

/**
 * Spring Data's JPA repositories, except that a declared JPQL query ({@code @Query} without {@code nativeQuery}) is
 * made when first run instead of while the site starts. Spring Data makes each such query at start and has
 * Hibernate parse it to check it (Hibernate's HQL grammar, ANTLR, run cold): a tenth of the main thread's start for
 * seven queries, most of which no first page needs. Hibernate keeps each parse, so a query's first run pays it once,
 * as the start did. The check is kept by {@code DeclaredQueriesTest}, which makes every declared query.
 * <p>
 * The factory is Spring Data's own, given the same settings Spring Data's bean gives it (captured from the same
 * setters); only its query lookup is wrapped. Public because the ahead-of-time build names it in generated code.
 */
public class FirstUseQueriesRepositoryFactoryBean<T extends Repository<S, ID>, S, ID>
        extends JpaRepositoryFactoryBean<T, S, ID> {

    private @Nullable BeanFactory beanFactory;
    private EntityPathResolver entityPathResolver = SimpleEntityPathResolver.INSTANCE;
    private EscapeCharacter escapeCharacter = EscapeCharacter.DEFAULT;
    private @Nullable JpaQueryMethodFactory queryMethodFactory;
    private @Nullable Function<BeanFactory, QueryEnhancerSelector> queryEnhancerSelector;

    public FirstUseQueriesRepositoryFactoryBean(Class<? extends T> repositoryInterface) {
        super(repositoryInterface);
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        super.setBeanFactory(beanFactory);
        this.beanFactory = beanFactory;
    }

    @Override
    public void setEntityPathResolver(ObjectProvider<EntityPathResolver> resolver) {
        super.setEntityPathResolver(resolver);
        this.entityPathResolver = resolver.getIfAvailable(() -> SimpleEntityPathResolver.INSTANCE);
    }

    @Override
    public void setEscapeCharacter(char escapeCharacter) {
        super.setEscapeCharacter(escapeCharacter);
        this.escapeCharacter = EscapeCharacter.of(escapeCharacter);
    }

    @Override
    public void setQueryMethodFactory(ObjectProvider<JpaQueryMethodFactory> factory) {
        super.setQueryMethodFactory(factory);
        JpaQueryMethodFactory given = factory.getIfAvailable();
        if (given != null) {
            this.queryMethodFactory = given;
        }
    }

    @Override
    public void setQueryEnhancerSelectorSource(QueryEnhancerSelector selector) {
        super.setQueryEnhancerSelectorSource(selector);
        this.queryEnhancerSelector = beans -> selector;
    }

    @Override
    public void setQueryEnhancerSelector(Class<? extends QueryEnhancerSelector> type) {
        super.setQueryEnhancerSelector(type);
        this.queryEnhancerSelector = beans -> selector(type, beans);
    }

    /** As Spring Data's bean finds it: the context's bean of that type, or one made for the repository. */
    private static QueryEnhancerSelector selector(Class<? extends QueryEnhancerSelector> type, BeanFactory beans) {
        QueryEnhancerSelector bean = beans.getBeanProvider(type).getIfAvailable();
        if (bean != null) {
            return bean;
        }
        return beans instanceof AutowireCapableBeanFactory autowiring ? autowiring.createBean(type)
                : BeanUtils.instantiateClass(type);
    }

    @Override
    protected RepositoryFactorySupport createRepositoryFactory(EntityManager entityManager) {
        JpaQueryMethodFactory methods = queryMethodFactory != null ? queryMethodFactory
                : new DefaultJpaQueryMethodFactory(PersistenceProvider.fromEntityManager(entityManager));
        JpaRepositoryFactory factory = new JpaRepositoryFactory(entityManager) {
            @Override
            protected Optional<QueryLookupStrategy> getQueryLookupStrategy(QueryLookupStrategy.@Nullable Key key,
                    ValueExpressionDelegate expressions) {
                return super.getQueryLookupStrategy(key, expressions)
                        .map(standard -> new FirstUseLookup(standard, methods));
            }
        };
        factory.setEntityPathResolver(entityPathResolver);
        factory.setEscapeCharacter(escapeCharacter);
        factory.setFragmentsContributor(getRepositoryFragmentsContributor());
        factory.setQueryMethodFactory(methods);
        if (queryEnhancerSelector != null && beanFactory != null) {
            factory.setQueryEnhancerSelector(queryEnhancerSelector.apply(beanFactory));
        }
        return factory;
    }

    /** Spring Data's lookup, run for a declared JPQL query at its first use; every other query as before. */
    record FirstUseLookup(QueryLookupStrategy standard, JpaQueryMethodFactory methods) implements QueryLookupStrategy {

        @Override
        public RepositoryQuery resolveQuery(Method method, RepositoryMetadata metadata, ProjectionFactory projections,
                NamedQueries namedQueries) {
            Query declared = AnnotatedElementUtils.findMergedAnnotation(method, Query.class);
            if (declared == null || declared.nativeQuery()) {
                return standard.resolveQuery(method, metadata, projections, namedQueries);
            }
            return new FirstUseQuery(methods.build(method, metadata, projections),
                    SingletonSupplier.of(() -> standard.resolveQuery(method, metadata, projections, namedQueries)));
        }
    }

    /** A declared query made (and so parsed by Hibernate) on its first run. */
    record FirstUseQuery(QueryMethod method, SingletonSupplier<RepositoryQuery> query) implements RepositoryQuery {

        @Override
        public @Nullable Object execute(Object[] parameters) {
            return query.obtain().execute(parameters);
        }

        @Override
        public QueryMethod getQueryMethod() {
            return method;
        }
    }
}
