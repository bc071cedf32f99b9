package io.netform.kubesim;

import io.netform.command.CommandLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The standalone command behind {@code ./kube-sim}: parses flags, serves HTTPS until killed. */
public final class KubeSimulatorMain {

    private static final String USAGE = "usage: kube-sim --port PORT --data DIR [--host ADDR] [--token TOKEN]"
            + " [--readonly-token TOKEN] [--forbid VERB:RESOURCE]...";

    private KubeSimulatorMain() {}

    /** Runs the simulator; exits 2 on bad flags. */
    public static void main(String[] args) throws InterruptedException {
        KubeSimulatorConfig config = CommandLine.parseOrExit("kube-sim", USAGE, args, KubeSimulatorMain::parse);
        KubeSimulator simulator = KubeSimulator.start(config);
        CommandLine.serveUntilKilled("kube-sim", simulator::close, () -> {
            System.out.println("kube-sim: Kubernetes API simulator listening on " + simulator.url());
            System.out.println("kube-sim: kubeconfig "
                    + simulator.kubeconfigFile().orElseThrow()
                    + " (contexts " + Kubeconfig.CONTEXT + " and " + Kubeconfig.READ_ONLY_CONTEXT + "), objects "
                    + config.dataDirectory().resolve("objects.json"));
            System.out.flush();
        });
    }

    static KubeSimulatorConfig parse(String[] args) {
        KubeSimulatorConfig defaults = KubeSimulatorConfig.defaults();
        String host = defaults.host();
        int port = -1;
        Path data = null;
        String token = defaults.adminToken();
        String readOnlyToken = defaults.readOnlyToken();
        List<String> forbidden = new ArrayList<>();
        for (CommandLine.Flag flag : CommandLine.flags(args)) {
            String value = flag.value();
            switch (flag.name()) {
                case "--port" -> port = CommandLine.number(flag, 0, 65535);
                case "--data" -> data = Path.of(value);
                case "--host" -> host = value;
                case "--token" -> token = nonEmpty(flag);
                case "--readonly-token" -> readOnlyToken = nonEmpty(flag);
                case "--forbid" -> {
                    AccessPolicy.Rule.parse(value); // refuses a malformed rule here, with the usage
                    forbidden.add(value);
                }
                default -> throw new IllegalArgumentException("unknown flag " + flag.name());
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

    private static String nonEmpty(CommandLine.Flag flag) {
        if (flag.value().isBlank()) {
            throw new IllegalArgumentException(flag.name() + " must not be empty");
        }
        return flag.value();
    }
}
