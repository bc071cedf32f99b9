package io.netform.nsxsim;

import io.netform.command.CommandLine;
import io.netform.nsxsim.server.FaultSettings;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** The standalone command behind {@code ./nsx-sim}: parses flags, serves HTTPS until killed. */
public final class NsxSimulatorMain {

    private static final String USAGE = "usage: nsx-sim --port PORT --data DIR [--user USER] [--password PASS]"
            + " [--host ADDR] [--latency-ms N] [--fault-rate F] [--realization-delay-ms N] [--rate-limit N]"
            + " [--concurrency-limit N]";

    private NsxSimulatorMain() {}

    /** Runs the simulator, or with {@code export} first {@link io.netform.nsxsim.seed.NsxExportMain}; exits 2 on bad flags. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("export")) {
            io.netform.nsxsim.seed.NsxExportMain.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SimulatorConfig config = CommandLine.parseOrExit("nsx-sim", USAGE, args, NsxSimulatorMain::parse);
        NsxSimulator simulator = NsxSimulator.start(config);
        CommandLine.serveUntilKilled(
                "nsx-sim", simulator::close, () -> announce(System.out, simulator.baseUrl(), config));
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
        for (CommandLine.Flag flag : CommandLine.flags(args)) {
            String value = flag.value();
            switch (flag.name()) {
                case "--port" -> port = CommandLine.number(flag, 0, 65535);
                case "--data" -> data = Path.of(value);
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--host" -> host = value;
                case "--latency-ms" -> latency = CommandLine.number(flag, 0, 600_000);
                case "--realization-delay-ms" -> realization = CommandLine.number(flag, 0, 3_600_000);
                case "--fault-rate" -> faultRate = fraction(flag);
                case "--rate-limit" -> rateLimit = CommandLine.number(flag, 0, 1_000_000);
                case "--concurrency-limit" -> concurrencyLimit = CommandLine.number(flag, 0, 100_000);
                default -> throw new IllegalArgumentException("unknown flag " + flag.name());
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

    private static double fraction(CommandLine.Flag flag) {
        try {
            double f = Double.parseDouble(flag.value());
            if (!(f >= 0 && f <= 1)) {
                throw new NumberFormatException();
            }
            return f;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag.name() + " must be a fraction in 0..1, got '" + flag.value() + "'");
        }
    }
}
