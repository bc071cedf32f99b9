package io.netform.goplugin;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes a plugin survive Ctrl-C, as go-plugin servers do: the terminal sends SIGINT to the whole
 * process group, and the host, not the plugin, decides how in-flight work ends. Each interrupt is
 * counted and logged.
 */
final class InterruptSignal {

    private InterruptSignal() {}

    /**
     * Replaces the JVM's SIGINT handler. {@code sun.misc.Signal} is the JDK's only way to do that;
     * it is reached by name because naming it in source draws a javac warning that cannot be
     * suppressed.
     */
    static void ignore(HclogWriter log) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Object handler = Proxy.newProxyInstance(
                    handlerType.getClassLoader(), new Class<?>[] {handlerType}, loggingHandler(log));
            Object interrupt = signal.getConstructor(String.class).newInstance("INT");
            signal.getMethod("handle", signal, handlerType).invoke(null, interrupt, handler);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("cannot ignore SIGINT; Ctrl-C will stop this plugin", "error", e.toString());
        }
    }

    private static InvocationHandler loggingHandler(HclogWriter log) {
        AtomicInteger count = new AtomicInteger();
        return (proxy, method, arguments) -> switch (method.getName()) {
            case "handle" -> {
                log.debug("plugin received interrupt signal, ignoring", "count", count.incrementAndGet());
                yield null;
            }
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == arguments[0];
            default -> "SIGINT handler that ignores the signal";
        };
    }
}
