package io.netform.cli;

import io.netform.core.ProviderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs the CLI in-process and keeps what it printed, for tests of single commands. */
record CliRun(int exitCode, String out, String err) {

    static CliRun run(Path dir, String... args) {
        return run(dir, Map.of(), args);
    }

    /** Runs with {@code env} as the environment. */
    static CliRun run(Path dir, Map<String, String> env, String... args) {
        return withInput(dir, env, "", args);
    }

    /** Runs with {@code env} as the environment and {@code stdin} as standard input. */
    static CliRun withInput(Path dir, Map<String, String> env, String stdin, String... args) {
        return withProviders(dir, env, ProviderFactory.plugins(), stdin, args);
    }

    /** Runs with {@code stdin} as standard input and the providers {@code providers} gives (in-process, say). */
    static CliRun withProviders(Path dir, ProviderFactory providers, String stdin, String... args) {
        return withProviders(dir, Map.of(), providers, stdin, args);
    }

    private static CliRun withProviders(
            Path dir, Map<String, String> env, ProviderFactory providers, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Ui ui = new Ui(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        int code = Main.run(args, ui, dir, env, providers);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
