package io.netform.nsxsim;

import io.netform.nsxsim.server.FaultSettings;
import io.netform.nsxsim.server.RequestLimits;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a simulator runs.
 *
 * @param host             address the HTTPS server binds
 * @param port             port of the HTTPS server; 0 picks a free one
 * @param dataDirectory    where the store and certificate live; null keeps everything in memory
 * @param user             the accepted user name
 * @param password         the accepted password
 * @param realizationDelay how long after a change an object turns REALIZED
 * @param flushDelay       how long a logged change may wait for its fsync; zero makes every change durable at once
 * @param rateLimit        requests per second per user (0 disables)
 * @param concurrencyLimit requests in flight per user (0 disables)
 * @param faults           the initial fault settings
 */
public record SimulatorConfig(
        String host,
        int port,
        Path dataDirectory,
        String user,
        String password,
        Duration realizationDelay,
        Duration flushDelay,
        int rateLimit,
        int concurrencyLimit,
        FaultSettings faults) {

    /** The default user name. */
    public static final String DEFAULT_USER = "admin";
    /** The default password. */
    public static final String DEFAULT_PASSWORD = "VMware1!VMware1!";

    /** Defaults: localhost, a free port, in memory, admin credentials, NSX's limits, no faults. */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig(
                "127.0.0.1",
                0,
                null,
                DEFAULT_USER,
                DEFAULT_PASSWORD,
                Duration.ofSeconds(1),
                Duration.ZERO,
                RequestLimits.DEFAULT_RATE,
                RequestLimits.DEFAULT_CONCURRENCY,
                FaultSettings.NONE);
    }

    /** This configuration with the store and certificate in a directory. */
    public SimulatorConfig withDataDirectory(Path directory) {
        return new SimulatorConfig(
                host,
                port,
                directory,
                user,
                password,
                realizationDelay,
                flushDelay,
                rateLimit,
                concurrencyLimit,
                faults);
    }

    /** This configuration with another realization delay. */
    public SimulatorConfig withRealizationDelay(Duration delay) {
        return new SimulatorConfig(
                host, port, dataDirectory, user, password, delay, flushDelay, rateLimit, concurrencyLimit, faults);
    }

    /** This configuration with another store flush delay. */
    public SimulatorConfig withFlushDelay(Duration delay) {
        return new SimulatorConfig(
                host,
                port,
                dataDirectory,
                user,
                password,
                realizationDelay,
                delay,
                rateLimit,
                concurrencyLimit,
                faults);
    }

    /** This configuration with other per-user limits. */
    public SimulatorConfig withLimits(int rate, int concurrency) {
        return new SimulatorConfig(
                host, port, dataDirectory, user, password, realizationDelay, flushDelay, rate, concurrency, faults);
    }

    /** This configuration with other initial faults. */
    public SimulatorConfig withFaults(FaultSettings settings) {
        return new SimulatorConfig(
                host,
                port,
                dataDirectory,
                user,
                password,
                realizationDelay,
                flushDelay,
                rateLimit,
                concurrencyLimit,
                settings);
    }
}
