package io.netform.nsxsim;

import io.netform.nsxsim.server.FaultSettings;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** The standalone command behind {@code ./nsx-sim}: parses flags, serves HTTPS until killed. */
public final class NsxSimulatorMain {

    private static final String USAGE = "usage: nsx-sim --port PORT --data DIR [--user USER] [--password PASS]"
            + " [--host ADDR] [--latency-ms N] [--fault-rate F] [--realization-delay-ms N] [--rate-limit N]"
            + " [--concurrency-limit N]";

    private NsxSimulatorMain() {}

    /** Runs the simulator; exits 2 on bad flags. */
    public static void main(String[] args) throws InterruptedException {
        SimulatorConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("nsx-sim: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        NsxSimulator simulator = NsxSimulator.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            simulator.close();
                            stopped.countDown();
                        },
                        "nsx-sim-shutdown"));
        announce(System.out, simulator.baseUrl(), config);
        stopped.await();
    }

    static SimulatorConfig parse(String[] args) {
        SimulatorConfig config = SimulatorConfig.defaults().withFlushDelay(Duration.ofMillis(100));
        Path data = null;
        String user = config.user();
        String password = config.password();
        String host = config.host();
        int port = -1;
        long latency = 0;
        double faultRate = 0;
        long realization = config.realizationDelay().toMillis();
        int rateLimit = config.rateLimit();
        int concurrencyLimit = config.concurrencyLimit();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("-h") || flag.equals("--help")) {
                throw new IllegalArgumentException("help requested");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--port" -> port = number(flag, value, 0, 65535);
                case "--data" -> data = Path.of(value);
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--host" -> host = value;
                case "--latency-ms" -> latency = number(flag, value, 0, 600_000);
                case "--realization-delay-ms" -> realization = number(flag, value, 0, 3_600_000);
                case "--fault-rate" -> faultRate = fraction(flag, value);
                case "--rate-limit" -> rateLimit = number(flag, value, 0, 1_000_000);
                case "--concurrency-limit" -> concurrencyLimit = number(flag, value, 0, 100_000);
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        if (port < 0 || data == null) {
            throw new IllegalArgumentException("--port and --data are required");
        }
        return new SimulatorConfig(
                host,
                port,
                data,
                user,
                password,
                Duration.ofMillis(realization),
                config.flushDelay(),
                rateLimit,
                concurrencyLimit,
                FaultSettings.fromFlags(latency, faultRate));
    }

    private static void announce(PrintStream out, URI url, SimulatorConfig config) {
        out.println("nsx-sim: NSX Manager simulator listening on " + url);
        out.println("nsx-sim: user " + config.user() + ", certificate "
                + config.dataDirectory().resolve("server.crt") + ", store "
                + config.dataDirectory().resolve("store.json"));
        out.flush();
    }

    private static int number(String flag, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    flag + " must be a whole number in " + min + ".." + max + ", got '" + value + "'");
        }
    }

    private static double fraction(String flag, String value) {
        try {
            double f = Double.parseDouble(value);
            if (!(f >= 0 && f <= 1)) {
                throw new NumberFormatException();
            }
            return f;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a fraction in 0..1, got '" + value + "'");
        }
    }
}
