package io.broadsheet.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.broadsheet.system.FirstUseQueriesRepositoryFactoryBean.FirstUseLookup;
import org.junit.jupiter.api.Test;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.query.JpaQueryMethod;
import org.springframework.data.jpa.repository.query.JpaQueryMethodFactory;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.QueryMethod;
import org.springframework.data.repository.query.RepositoryQuery;

/**
 * A declared JPQL query is made (and Hibernate parses it) at its first run, once; derived and native queries are
 * made at start as Spring Data makes them. Every declared query of the site is checked by
 * {@code DeclaredQueriesTest}, as the start used to check them.
 */
class FirstUseQueriesTest {

    interface Sample {
        @Query("select a.headline from Article a where a.slug = :slug")
        List<String> declared(String slug);

        @Query(value = "select 1", nativeQuery = true)
        List<Integer> nativeQuery();

        List<String> findBySlug(String slug);
    }

    final List<String> made = new ArrayList<>();
    final AtomicInteger runs = new AtomicInteger();
    final JpaQueryMethod declaredMethod = mock(JpaQueryMethod.class);
    final JpaQueryMethodFactory methods = (method, metadata, projections) -> declaredMethod;

    /** Spring Data's lookup as the wrapper sees it: each query it makes is recorded, and each run counted. */
    final QueryLookupStrategy standard = (method, metadata, projections, namedQueries) -> {
        made.add(method.getName());
        return new RepositoryQuery() {
            @Override
            public Object execute(Object[] parameters) {
                return method.getName() + " run " + runs.incrementAndGet();
            }

            @Override
            public QueryMethod getQueryMethod() {
                throw new UnsupportedOperationException("not asked in these tests");
            }
        };
    };

    final FirstUseLookup lookup = new FirstUseLookup(standard, methods);

    static Method sample(String name) {
        for (Method method : Sample.class.getMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException(name);
    }

    @Test
    void aDeclaredQueryIsMadeAtItsFirstRunAndOnlyThen() {
        RepositoryQuery query = lookup.resolveQuery(sample("declared"), null, null, null);
        assertThat(made).isEmpty();
        assertThat(query.getQueryMethod()).isSameAs(declaredMethod);

        assertThat(query.execute(new Object[] {"a-slug"})).isEqualTo("declared run 1");
        assertThat(query.execute(new Object[] {"b-slug"})).isEqualTo("declared run 2");
        assertThat(made).containsExactly("declared");
    }

    @Test
    void derivedAndNativeQueriesAreMadeAtOnce() {
        RepositoryQuery derived = lookup.resolveQuery(sample("findBySlug"), null, null, null);
        RepositoryQuery nativeQuery = lookup.resolveQuery(sample("nativeQuery"), null, null, null);
        assertThat(made).containsExactly("findBySlug", "nativeQuery");
        assertThat(derived.execute(new Object[] {"a-slug"})).isEqualTo("findBySlug run 1");
        assertThat(nativeQuery.execute(new Object[0])).isEqualTo("nativeQuery run 2");
        assertThat(made).hasSize(2);
    }

    @Test
    void aQueryThatCannotBeMadeFailsAtEachRunWithSpringDatasReason() {
        FirstUseLookup failing = new FirstUseLookup((method, metadata, projections, namedQueries) -> {
            made.add(method.getName());
            throw new IllegalStateException("Validation failed for query");
        }, methods);
        RepositoryQuery query = failing.resolveQuery(sample("declared"), null, null, null);
        assertThat(made).isEmpty();

        for (int run = 1; run <= 2; run++) {
            assertThatThrownBy(() -> query.execute(new Object[] {"a-slug"}))
                    .isInstanceOf(IllegalStateException.class).hasMessage("Validation failed for query");
        }
        assertThat(made).containsExactly("declared", "declared");
    }
}
