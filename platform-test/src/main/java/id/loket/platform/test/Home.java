package id.loket.platform.test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Arrays;

/**
 * Keeps the servers one per JVM even when this jar is loaded by several class loaders.
 *
 * <p>Quarkus loads test resources and {@code @QuarkusTest} classes with its own class loaders, one per
 * application (each test profile gets its own), while plain JUnit tests use the system class loader. A
 * static field alone would therefore start one PostgreSQL and one Kafka per class loader. Instead, every
 * copy of {@link TestPostgres} and {@link TestKafka} that is not loaded by the system class loader forwards
 * its calls, by reflection and with JDK types only, to the copy loaded by the system class loader (the
 * "home"), which owns the servers. The servers' own classes (Kafka, Scala, zonky) therefore live in the
 * system class loader, which is never closed. When the system class loader cannot see this jar (an unusual
 * launcher), or with {@code -Dloket.test.no-shared-home=true}, each copy is its own home.
 */
final class Home {

    private Home() {
    }

    /**
     * The copy of {@code type} that owns the servers, or {@code null} when {@code type} itself is that copy.
     */
    static Class<?> homeOf(Class<?> type) {
        ClassLoader system = ClassLoader.getSystemClassLoader();
        if (type.getClassLoader() == system || Boolean.getBoolean("loket.test.no-shared-home")) {
            return null;
        }
        try {
            Class<?> home = Class.forName(type.getName(), true, system);
            return home == type ? null : home;
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** Calls the public static method {@code name()} of {@code type}. */
    static Object callStatic(Class<?> type, String name) {
        return invoke(type, null, name, new Class<?>[0], new Object[0]);
    }

    /**
     * Calls public method {@code name} on {@code target} (an object of another class loader); parameter
     * types are those of the arguments, mapped to primitives for boxed numbers.
     */
    static Object call(Object target, String name, Object... args) {
        Class<?>[] types = Arrays.stream(args).map(Home::parameterType).toArray(Class<?>[]::new);
        return invoke(target.getClass(), target, name, types, args);
    }

    private static Class<?> parameterType(Object arg) {
        if (arg instanceof Integer) {
            return int.class;
        }
        return arg.getClass();
    }

    private static Object invoke(Class<?> type, Object target, String name, Class<?>[] types, Object[] args) {
        Method method;
        try {
            method = type.getMethod(name, types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("No method " + name + Arrays.toString(types) + " on " + type
                    + " from " + type.getClassLoader(), e);
        }
        // The home's code must run with its own loader as context class loader: Kafka and Log4j load
        // plugins and configured classes through it, and threads the broker starts inherit it.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(type.getClassLoader());
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new UndeclaredThrowableException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Runs {@code action} with the context class loader set to the loader of {@code owner}. */
    static <T> T withContextClassLoader(Class<?> owner, ThrowingSupplier<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(owner.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @FunctionalInterface
    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
