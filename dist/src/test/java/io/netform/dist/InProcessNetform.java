package io.netform.dist;

import io.netform.addrs.ProviderSource;
import io.netform.cli.Main;
import io.netform.cli.Ui;
import io.netform.core.InProcessProviders;
import io.netform.kubernetes.KubernetesProvider;
import io.netform.nsxt.NsxtProvider;
import io.netform.provider.testing.TestingProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code netform} inside the test's JVM, as {@link NetformProcess} runs the program: the same
 * {@link Main}, the distribution's plugin directory and lock file checks, with the bundled {@code testing},
 * {@code nsxt} and {@code kubernetes} providers served in-process over gRPC instead of as plugin processes. What a command
 * prints and returns is what the process would print and return.
 */
final class InProcessNetform {

    private InProcessNetform() {}

    /** Runs {@code netform args...} in {@code dir} with extra environment variables, reading {@code stdin}. */
    static NetformProcess.Result run(Path dir, Map<String, String> env, String stdin, String... args) {
        Map<String, String> all = new HashMap<>(System.getenv());
        all.putAll(env);
        // both names of the bundled nsxt provider, or a configuration asking for netform/nsxt would
        // silently start it as a plugin process
        InProcessProviders providers = InProcessProviders.serving(Map.of(
                ProviderSource.parse("netform/testing"), workingDir -> TestingProvider.fromEnvironment(all),
                ProviderSource.parse("vmware/nsxt"), workingDir -> NsxtProvider.of(all, workingDir),
                ProviderSource.parse("netform/nsxt"), workingDir -> NsxtProvider.of(all, workingDir),
                ProviderSource.parse("hashicorp/kubernetes"), workingDir -> KubernetesProvider.of(all),
                ProviderSource.parse("netform/kubernetes"), workingDir -> KubernetesProvider.of(all)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Ui ui = new Ui(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        int code = Main.run(args, ui, dir, all, providers);
        return new NetformProcess.Result(
                code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
