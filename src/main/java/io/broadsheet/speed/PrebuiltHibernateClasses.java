package io.broadsheet.speed;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.Entity;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.implementation.MethodCall;
import net.bytebuddy.matcher.ElementMatchers;
import org.hibernate.bytecode.internal.bytebuddy.ByteBuddyState;
import org.hibernate.bytecode.spi.ReflectionOptimizer.InstantiationOptimizer;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.pojo.bytebuddy.ByteBuddyProxyHelper;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.util.ClassUtils;

/**
 * The classes Hibernate makes for each entity with Byte Buddy at every start, made by the build instead (Spring's
 * ahead-of-time processing, {@code process-aot}) and packaged with the application's classes: the lazy-loading
 * proxy ({@code <Entity>$HibernateProxy}) and the instantiator ({@code <Entity>$HibernateInstantiator}).
 * Hibernate looks for a class of that name in the entity's class loader before it makes one
 * ({@code ByteBuddyState.load}); found in the jar, it is also in the AOT cache the image's training start makes,
 * and Byte Buddy writes no class at start (about 80 ms of a five-second start on 2 cores, see "Performance" in
 * the README). The proxy is made with Hibernate's own {@link ByteBuddyProxyHelper} and the interface Hibernate gives
 * every proxy ({@link HibernateProxy}); the instantiator as Hibernate's {@code BytecodeProviderImpl} makes it.
 * {@code PrebuiltHibernateClassesTest} compares both with the classes Hibernate makes itself. Every start of the
 * packaged jar uses them, in ahead-of-time mode or not; the unit tests run before the build writes them, and
 * Hibernate makes its own there as before. Registered in {@code META-INF/spring/aot.factories}; it runs at build
 * time only.
 */
class PrebuiltHibernateClasses implements BeanFactoryInitializationAotProcessor {

    static final String PROXY = "$HibernateProxy";

    static final String INSTANTIATOR = "$HibernateInstantiator";

    @Override
    public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
        PersistenceManagedTypes managedTypes = beanFactory.getBeanProvider(PersistenceManagedTypes.class).getIfAvailable();
        if (managedTypes == null) {
            return null;
        }
        Map<String, byte[]> classFiles = new LinkedHashMap<>();
        for (Class<?> entity : entities(managedTypes, beanFactory.getBeanClassLoader())) {
            List<DynamicType.Unloaded<?>> made = new ArrayList<>(List.of(proxyOf(entity)));
            instantiatorOf(entity).ifPresent(made::add);
            made.forEach(type -> classFiles.put(
                    ClassUtils.convertClassNameToResourcePath(type.getTypeDescription().getName()) + ".class", type.getBytes()));
        }
        return (generationContext, code) -> classFiles.forEach((path, bytes) ->
                generationContext.getGeneratedFiles().addClassFile(path, new ByteArrayResource(bytes)));
    }

    /** The entities among the persistence unit's classes that Hibernate makes proxies for (all but final ones). */
    static List<Class<?>> entities(PersistenceManagedTypes managedTypes, ClassLoader loader) {
        return managedTypes.getManagedClassNames().stream()
                .<Class<?>>map(name -> ClassUtils.resolveClassName(name, loader))
                .filter(type -> type.isAnnotationPresent(Entity.class) && !Modifier.isFinal(type.getModifiers()))
                .toList();
    }

    /** The proxy class Hibernate would make for this entity, not loaded; fails if its name is not the one Hibernate looks for. */
    static DynamicType.Unloaded<?> proxyOf(Class<?> entity) {
        DynamicType.Unloaded<?> proxy = new ByteBuddyProxyHelper(new ByteBuddyState())
                .buildUnloadedProxy(entity, new Class<?>[] {HibernateProxy.class});
        String expected = entity.getName() + PROXY;
        if (!proxy.getTypeDescription().getName().equals(expected)) {
            throw new IllegalStateException("Hibernate named the proxy of " + entity.getName() + " "
                    + proxy.getTypeDescription().getName() + ", not " + expected + ": it would not find it");
        }
        return proxy;
    }

    /**
     * The class Hibernate makes to create the entity without reflection ({@code BytecodeProviderImpl}, an
     * {@link InstantiationOptimizer} calling the no-argument constructor), not loaded; none when that constructor
     * is missing or private, as Hibernate then makes none.
     */
    static Optional<DynamicType.Unloaded<?>> instantiatorOf(Class<?> entity) {
        Constructor<?> constructor;
        try {
            constructor = entity.getDeclaredConstructor();
        } catch (NoSuchMethodException none) {
            return Optional.empty();
        }
        if (Modifier.isPrivate(constructor.getModifiers())) {
            return Optional.empty();
        }
        return Optional.of(new ByteBuddy(ClassFileVersion.ofThisVm(ClassFileVersion.JAVA_V11))
                .subclass(InstantiationOptimizer.class).name(entity.getName() + INSTANTIATOR)
                .method(ElementMatchers.named("newInstance")).intercept(MethodCall.construct(constructor))
                .make());
    }
}
