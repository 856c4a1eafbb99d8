package se.socialfund.bootstrap.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Runs Adobe's S3Mock (a Spring Boot application) in its own JVM, with every connector bound to 127.0.0.1. S3Mock
 * binds its plain-HTTP connector, an "additional" Tomcat connector, to every interface and has no setting for it:
 * this launcher hooks into Spring Boot (SpringApplication.withHook) and sets that connector's address before Tomcat
 * starts. Plain Java and reflection, so that the service's test classpath needs no Spring; started by
 * {@link S3MockResource} with S3Mock's own classpath.
 */
public final class S3MockLauncher {
    private S3MockLauncher() {
    }

    public static void main(String[] args) throws Exception {
        ClassLoader loader = S3MockLauncher.class.getClassLoader();
        Class<?> hookType = Class.forName("org.springframework.boot.SpringApplicationHook", true, loader);
        Class<?> listenerType = Class.forName("org.springframework.boot.SpringApplicationRunListener", true, loader);
        Class<?> postProcessorType = Class.forName(
                "org.springframework.beans.factory.config.BeanPostProcessor", true, loader);
        Object postProcessor = Proxy.newProxyInstance(loader, new Class<?>[] {postProcessorType},
                (proxy, method, arguments) -> {
                    if (method.getName().startsWith("postProcess") && arguments != null && arguments.length == 2) {
                        if (method.getName().equals("postProcessBeforeInitialization")) {
                            bindToLoopback(arguments[0]);
                        }
                        return arguments[0];
                    }
                    return objectMethod(proxy, method, arguments);
                });
        Object listener = Proxy.newProxyInstance(loader, new Class<?>[] {listenerType},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("contextPrepared")) {
                        Object beanFactory = arguments[0].getClass().getMethod("getBeanFactory").invoke(arguments[0]);
                        Method add = Class.forName(
                                "org.springframework.beans.factory.config.ConfigurableBeanFactory", true, loader)
                                .getMethod("addBeanPostProcessor", postProcessorType);
                        add.invoke(beanFactory, postProcessor);
                        return null;
                    }
                    return method.getDeclaringClass() == Object.class ? objectMethod(proxy, method, arguments) : null;
                });
        Object hook = Proxy.newProxyInstance(loader, new Class<?>[] {hookType},
                (proxy, method, arguments) -> method.getName().equals("getRunListener") ? listener
                        : objectMethod(proxy, method, arguments));
        Class<?> application = Class.forName("com.adobe.testing.s3mock.S3MockApplication", true, loader);
        Class.forName("org.springframework.boot.SpringApplication", true, loader)
                .getMethod("withHook", hookType, Runnable.class)
                .invoke(null, hook, (Runnable) () -> {
                    try {
                        application.getMethod("main", String[].class).invoke(null, (Object) args);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("S3Mock did not start", e);
                    }
                });
    }

    /** S3Mock's Tomcat factory: its additional (plain HTTP) connectors listen on 127.0.0.1 only. */
    private static void bindToLoopback(Object bean) throws ReflectiveOperationException {
        if (!bean.getClass().getName().endsWith("TomcatServletWebServerFactory")) {
            return;
        }
        for (Object connector : (Iterable<?>) bean.getClass().getMethod("getAdditionalTomcatConnectors").invoke(bean)) {
            connector.getClass().getMethod("setProperty", String.class, String.class)
                    .invoke(connector, "address", "127.0.0.1");
        }
    }

    private static Object objectMethod(Object proxy, Method method, Object[] arguments) {
        return switch (method.getName()) {
            case "equals" -> proxy == arguments[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "S3MockLauncher hook";
            default -> null;
        };
    }
}
