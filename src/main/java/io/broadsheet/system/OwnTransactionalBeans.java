package io.broadsheet.system;

import org.springframework.aop.ClassFilter;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.PriorityOrdered;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.interceptor.BeanFactoryTransactionAttributeSourceAdvisor;
import org.springframework.transaction.interceptor.TransactionalProxy;

/**
 * {@code @Transactional} is looked for on Broadsheet's own beans only. Spring's transaction advisor otherwise asks
 * of every method of every bean, the framework's hundreds included, whether it or any method it overrides in a
 * superclass or interface carries {@code @Transactional} (Spring's or JTA's): at each start, before the first page,
 * on one core, and the work then kept the C2 compiler busy compiling Spring's annotation scanning. No library bean
 * of the site is made transactional by annotation (Spring Data's repositories carry their own transaction advice,
 * Spring Session and ShedLock run their own transactions); {@code DeclaredQueriesTest} checks that Broadsheet's
 * transactional beans are still proxied and a framework bean is not.
 */
@Configuration(proxyBeanMethods = false)
public class OwnTransactionalBeans {

    /** The package whose beans may declare transactions. */
    static final String OWN_PACKAGE = "io.broadsheet.";

    /**
     * Before the advisor is first asked for: priority-ordered post-processors are registered first (the declared
     * type says so: Spring sorts post-processors by it before making them).
     */
    @Bean
    static OwnBeansOnly ownTransactionalBeansOnly() {
        return new OwnBeansOnly();
    }

    /** Whether the advisor looks at a bean of this type: the default filter's exclusions, then the package. */
    static boolean mayDeclareTransactions(Class<?> type) {
        return type.getName().startsWith(OWN_PACKAGE)
                && !TransactionalProxy.class.isAssignableFrom(type)
                && !TransactionManager.class.isAssignableFrom(type)
                && !PersistenceExceptionTranslator.class.isAssignableFrom(type);
    }

    static final class OwnBeansOnly implements BeanPostProcessor, PriorityOrdered {

        @Override
        public Object postProcessBeforeInitialization(Object bean, String beanName) {
            if (bean instanceof BeanFactoryTransactionAttributeSourceAdvisor advisor) {
                advisor.setClassFilter(OwnTransactionalBeans::mayDeclareTransactions);
            }
            return bean;
        }

        @Override
        public int getOrder() {
            return LOWEST_PRECEDENCE;
        }
    }
}
