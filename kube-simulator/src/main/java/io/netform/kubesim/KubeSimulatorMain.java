package io.netform.kubesim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** The standalone command behind {@code ./kube-sim}: parses flags, serves HTTPS until killed. */
public final class KubeSimulatorMain {

    private static final String USAGE = "usage: kube-sim --port PORT --data DIR [--host ADDR] [--token TOKEN]"
            + " [--readonly-token TOKEN] [--forbid VERB:RESOURCE]...";

    private KubeSimulatorMain() {}

    /** Runs the simulator; exits 2 on bad flags. */
    public static void main(String[] args) throws InterruptedException {
        KubeSimulatorConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("kube-sim: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        KubeSimulator simulator = KubeSimulator.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            simulator.close();
                            stopped.countDown();
                        },
                        "kube-sim-shutdown"));
        System.out.println("kube-sim: Kubernetes API simulator listening on " + simulator.url());
        System.out.println("kube-sim: kubeconfig " + simulator.kubeconfigFile().orElseThrow()
                + " (contexts " + Kubeconfig.CONTEXT + " and " + Kubeconfig.READ_ONLY_CONTEXT + "), objects "
                + config.dataDirectory().resolve("objects.json"));
        System.out.flush();
        stopped.await();
    }

    static KubeSimulatorConfig parse(String[] args) {
        KubeSimulatorConfig defaults = KubeSimulatorConfig.defaults();
        String host = defaults.host();
        int port = -1;
        Path data = null;
        String token = defaults.adminToken();
        String readOnlyToken = defaults.readOnlyToken();
        List<String> forbidden = new ArrayList<>();
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
                case "--port" -> port = port(value);
                case "--data" -> data = Path.of(value);
                case "--host" -> host = value;
                case "--token" -> token = nonEmpty(flag, value);
                case "--readonly-token" -> readOnlyToken = nonEmpty(flag, value);
                case "--forbid" -> {
                    Access.Rule.parse(value); // refuses a malformed rule here, with the usage
                    forbidden.add(value);
                }
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        if (port < 0 || data == null) {
            throw new IllegalArgumentException("--port and --data are required");
        }
        if (token.equals(readOnlyToken)) {
            throw new IllegalArgumentException("--token and --readonly-token must differ");
        }
        return new KubeSimulatorConfig(host, port, data, token, readOnlyToken, forbidden);
    }

    private static int port(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 0 || n > 65535) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a whole number in 0..65535, got '" + value + "'");
        }
    }

    private static String nonEmpty(String flag, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(flag + " must not be empty");
        }
        return value;
    }
}
