package io.netform.nsxsim.server;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Applies the current {@link FaultSettings} to each request: waits, then decides its fate; and
 * tells the edges which failure domains are down.
 */
public final class FaultInjector {

    /** What happens to a request after the injected latency. */
    public sealed interface Reaction {
        /** Handle it normally. */
        record Serve() implements Reaction {}

        /** Close the connection without answering. */
        record Drop() implements Reaction {}

        /** Answer with this error status. */
        record Fail(int status) implements Reaction {}
    }

    private record Compiled(FaultSettings settings, Pattern failPath) {}

    private final AtomicReference<Compiled> current = new AtomicReference<>();
    private final Consumer<Set<String>> failureDomains;

    /** Starts with the given settings and every failure domain up. */
    public FaultInjector(FaultSettings settings) {
        this(settings, domains -> {});
    }

    /** Starts with the given settings, passing the failed failure domains to {@code failureDomains} now and on each change. */
    public FaultInjector(FaultSettings settings, Consumer<Set<String>> failureDomains) {
        this.failureDomains = failureDomains;
        update(settings);
    }

    /** The settings in force. */
    public FaultSettings settings() {
        return current.get().settings();
    }

    /**
     * Replaces the settings; requests already waiting keep the old ones. Unknown failure domains
     * are refused before anything changes.
     */
    public synchronized void update(FaultSettings settings) {
        failureDomains.accept(Set.copyOf(settings.failedFailureDomains()));
        current.set(new Compiled(
                settings, settings.failPathPattern() == null ? null : Pattern.compile(settings.failPathPattern())));
    }

    /** Sleeps the injected latency, then returns what to do with the request to the path. */
    Reaction apply(String path) throws InterruptedException {
        Compiled compiled = current.get();
        FaultSettings s = compiled.settings();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long latency = s.latencyMaxMs() == s.latencyMinMs()
                ? s.latencyMinMs()
                : random.nextLong(s.latencyMinMs(), s.latencyMaxMs() + 1);
        if (latency > 0) {
            Thread.sleep(latency);
        }
        if (compiled.failPath() != null && compiled.failPath().matcher(path).find()) {
            return new Reaction.Fail(s.failStatus());
        }
        double draw = random.nextDouble();
        if ((draw -= s.dropRate()) < 0) {
            return new Reaction.Drop();
        }
        if ((draw -= s.rate429()) < 0) {
            return new Reaction.Fail(429);
        }
        if ((draw -= s.rate503()) < 0) {
            return new Reaction.Fail(503);
        }
        return draw - s.rate500() < 0 ? new Reaction.Fail(500) : new Reaction.Serve();
    }
}
