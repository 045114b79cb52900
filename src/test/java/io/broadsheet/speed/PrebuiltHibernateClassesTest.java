package io.broadsheet.speed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.broadsheet.support.SiteTest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.pool.TypePool;
import org.hibernate.proxy.HibernateProxy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

/**
 * The classes the build makes ({@link PrebuiltHibernateClasses}) are the ones Hibernate makes at a start without
 * them: for every entity, Hibernate's own proxy (from {@code getReference}, which reads nothing) and instantiator
 * (made as the site started) and the build's have the same name, parent, interfaces and methods. If a Hibernate upgrade gives proxies another interface or name,
 * this fails instead of the site loading a proxy Hibernate did not expect. (Spring's ahead-of-time processing runs
 * after the tests, so in {@code mvn verify} the proxies here are Hibernate's own; after a {@code package} without
 * {@code clean}, target/classes holds the build's and the comparison is skipped.) {@code AheadOfTimeStartIT} shows
 * the packaged site loading the build's.
 */
@SiteTest
class PrebuiltHibernateClassesTest {

    @Autowired
    EntityManagerFactory entityManagers;

    @Autowired
    PersistenceManagedTypes managedTypes;

    @Test
    void theBuildMakesAProxyAndAnInstantiatorForEveryEntity() {
        List<Class<?>> entities = PrebuiltHibernateClasses.entities(managedTypes, getClass().getClassLoader());
        assertThat(entities).hasSize(entityManagers.getMetamodel().getEntities().size())
                .extracting(Class::getSimpleName).contains("Article", "Section", "Tag", "Staff", "WeatherReading");
        assertThat(entities).allSatisfy(entity -> assertThat(PrebuiltHibernateClasses.instantiatorOf(entity)).isPresent());
    }

    @Test
    void eachProxyIsTheClassHibernateMakesItself() {
        try (EntityManager entityManager = entityManagers.createEntityManager()) {
            for (Class<?> entity : PrebuiltHibernateClasses.entities(managedTypes, getClass().getClassLoader())) {
                Object reference = entityManager.getReference(entity, 999_999_999L);
                assertThat(reference).as(entity.getName()).isInstanceOf(HibernateProxy.class);
                Class<?> hibernates = reference.getClass();
                assumeTrue(hibernates.getClassLoader().getResource(hibernates.getName().replace('.', '/') + ".class") == null,
                        "the class path already holds the build's proxies (target/classes after a package): run after mvn clean");
                TypeDescription builds = fromBytes(PrebuiltHibernateClasses.proxyOf(entity), entity);

                assertThat(builds.getName()).isEqualTo(hibernates.getName()).isEqualTo(entity.getName() + "$HibernateProxy");
                assertThat(builds.getSuperClass().asErasure().getName()).isEqualTo(hibernates.getSuperclass().getName())
                        .isEqualTo(entity.getName());
                assertThat(builds.getInterfaces().asErasures()).extracting(TypeDescription::getName)
                        .containsExactlyInAnyOrderElementsOf(names(hibernates.getInterfaces()));
                assertThat(signatures(builds)).as(entity.getName()).isEqualTo(signatures(hibernates));
            }
        }
    }

    @Test
    void eachInstantiatorIsTheClassHibernateMakesItself() throws ClassNotFoundException {
        for (Class<?> entity : PrebuiltHibernateClasses.entities(managedTypes, getClass().getClassLoader())) {
            String name = entity.getName() + "$HibernateInstantiator";
            assumeTrue(entity.getClassLoader().getResource(name.replace('.', '/') + ".class") == null,
                    "the class path already holds the build's classes (target/classes after a package): run after mvn clean");
            // made by Hibernate when the site started, in the entity's class loader
            Class<?> hibernates = Class.forName(name, false, entity.getClassLoader());
            TypeDescription builds = fromBytes(PrebuiltHibernateClasses.instantiatorOf(entity).orElseThrow(), entity);

            assertThat(builds.getName()).isEqualTo(hibernates.getName());
            assertThat(builds.getSuperClass().asErasure().getName()).isEqualTo(hibernates.getSuperclass().getName());
            assertThat(builds.getInterfaces().asErasures()).extracting(TypeDescription::getName)
                    .containsExactlyInAnyOrderElementsOf(names(hibernates.getInterfaces()));
            assertThat(signatures(builds)).as(entity.getName()).isEqualTo(signatures(hibernates));
        }
    }

    /** The methods and constructors Hibernate's proxy class declares, as "modifiers return name(parameters)". */
    private static Set<String> signatures(Class<?> type) {
        Set<String> signatures = new HashSet<>();
        for (Method method : type.getDeclaredMethods()) {
            signatures.add(signature(method.getModifiers(), method.getReturnType().getName(), method.getName(),
                    names(method.getParameterTypes())));
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            signatures.add(signature(constructor.getModifiers(), "void", "<init>", names(constructor.getParameterTypes())));
        }
        return signatures;
    }

    /** The class the build makes, read from its bytes (not loaded: a package-private entity's proxy must be in its loader). */
    private static TypeDescription fromBytes(DynamicType.Unloaded<?> proxy, Class<?> entity) {
        String name = proxy.getTypeDescription().getName();
        ClassFileLocator classFiles = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, proxy.getBytes()),
                ClassFileLocator.ForClassLoader.of(entity.getClassLoader()));
        return TypePool.Default.of(classFiles).describe(name).resolve();
    }

    /** The same of the class the build makes. */
    private static Set<String> signatures(TypeDescription type) {
        Set<String> signatures = new HashSet<>();
        for (MethodDescription.InDefinedShape method : type.getDeclaredMethods()) {
            if (!method.isTypeInitializer()) {
                signatures.add(signature(method.getModifiers(), method.getReturnType().asErasure().getName(),
                        method.getInternalName(), method.getParameters().asTypeList().asErasures().stream()
                                .map(TypeDescription::getName).toList()));
            }
        }
        return signatures;
    }

    private static String signature(int modifiers, String returns, String name, List<String> parameters) {
        return Modifier.toString(modifiers) + " " + returns + " " + name + parameters;
    }

    private static List<String> names(Class<?>[] types) {
        return Arrays.stream(types).map(Class::getName).toList();
    }
}
