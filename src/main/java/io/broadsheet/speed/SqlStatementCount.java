package io.broadsheet.speed;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements run on the current thread, whoever runs them (Hibernate, JdbcClient, Flyway): every
 * {@code execute*} call on a statement from the application's DataSource. Only with
 * {@code broadsheet.bench.count-sql=true} (the benchmark and the tests); otherwise the DataSource is left as it is.
 * A page view runs on one thread, so the count between {@link #reset()} and {@link #current()} is that page's;
 * the statements' text can be kept as well ({@link #record()}), for tests that ask the database how it runs them.
 */
public final class SqlStatementCount {

    /** This thread's counts since {@link #reset()}: statements run, and connections taken (statements run or not). */
    private static final ThreadLocal<long[]> COUNTS = ThreadLocal.withInitial(() -> new long[2]);
    private static final int STATEMENTS = 0;
    private static final int CONNECTIONS = 1;

    private static final ThreadLocal<List<String>> RECORDED = new ThreadLocal<>();

    private SqlStatementCount() {
    }

    public static void reset() {
        Arrays.fill(COUNTS.get(), 0);
    }

    /** How many connections this thread has taken from the DataSource since {@link #reset()}. */
    public static long connectionsTaken() {
        return COUNTS.get()[CONNECTIONS];
    }

    public static long current() {
        return COUNTS.get()[STATEMENTS];
    }

    /** From now on, the text of each statement prepared on this thread is kept, until {@link #recorded()}. */
    public static void record() {
        RECORDED.set(new ArrayList<>());
    }

    /** The statements prepared on this thread since {@link #record()}, in order; recording stops. */
    public static List<String> recorded() {
        List<String> recorded = RECORDED.get();
        RECORDED.remove();
        return recorded == null ? List.of() : List.copyOf(recorded);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty("broadsheet.bench.count-sql")
    static class Counting {

        @Bean
        static BeanPostProcessor countingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)
                            ? new CountingDataSource(dataSource) : bean;
                }
            };
        }
    }

    static final class CountingDataSource extends DelegatingDataSource {

        CountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counting(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counting(super.getConnection(username, password));
        }

        private static Connection counting(Connection connection) {
            COUNTS.get()[CONNECTIONS]++;
            return (Connection) Proxy.newProxyInstance(SqlStatementCount.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        List<String> recorded = RECORDED.get();
                        if (recorded != null && method.getName().startsWith("prepare")) {
                            recorded.add((String) args[0]);
                        }
                        Object result = invoke(connection, method, args);
                        return result instanceof Statement statement ? countingStatement(statement) : result;
                    });
        }

        private static Statement countingStatement(Statement statement) {
            Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
                    : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
            InvocationHandler handler = (proxy, method, args) -> {
                if (method.getName().startsWith("execute")) {
                    COUNTS.get()[STATEMENTS]++;
                }
                return invoke(statement, method, args);
            };
            return (Statement) Proxy.newProxyInstance(SqlStatementCount.class.getClassLoader(),
                    new Class<?>[] {type}, handler);
        }

        private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
