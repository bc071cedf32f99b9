package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.addrs.ProviderSource;
import io.netform.core.InProcessProviders;
import io.netform.core.PluginPaths;
import io.netform.plugins.FakeProviderPlugin;
import io.netform.plugins.FakeProviderService;
import io.netform.plugins.VersionConstraint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A working directory whose configuration uses the fake {@code netform/testing} provider: installed as a plugin, so
 * the lock file and version checks run as for a real one, and served in-process from one object store, the "cloud"
 * a test edits behind Netform's back.
 */
final class FakeCloud {

    /** The {@code terraform} and {@code provider} blocks every configuration of the fake provider starts with. */
    static final String PROVIDER = """
            terraform {
              required_providers {
                testing = { source = "netform/testing" }
              }
            }

            provider "testing" {
              endpoint = "fake"
              token    = "t"
            }

            """;

    private static final ProviderSource TESTING = ProviderSource.parse("netform/testing");

    private final Path dir;
    private final FakeProviderService objects = new FakeProviderService();
    private final InProcessProviders providers = new InProcessProviders(Map.of(TESTING, d -> objects));

    private FakeCloud(Path dir) {
        this.dir = dir;
    }

    /** Installs the fake provider for {@code dir} from {@code plugins} and writes {@code PROVIDER + resources}. */
    static FakeCloud install(Path dir, Path plugins, String resources) throws IOException {
        FakeProviderPlugin.install(plugins, "netform/testing", "0.1.0");
        PluginPaths.record(dir, List.of(plugins));
        PluginPaths.installer(dir).install(Map.of(TESTING, VersionConstraint.any()), false);
        Files.writeString(dir.resolve("main.tf"), PROVIDER + resources);
        return new FakeCloud(dir);
    }

    /** The provider's object store. */
    FakeProviderService objects() {
        return objects;
    }

    /**
     * Asserts what Terraform does with objects in state whose provider configuration is gone: plan and apply
     * both stop on "Provider configuration not present" saying {@code detail}, object {@code id} stays in the
     * cloud, and the state file is unchanged.
     */
    void assertConfigurationNotPresent(String detail, String id) throws IOException {
        String before = state();

        CliRun plan = command("plan");
        assertThat(plan.exitCode()).isEqualTo(1);
        assertThat(plan.err()).contains("Provider configuration not present").contains(detail);
        assertThat(plan.out()).doesNotContain("to destroy");

        CliRun apply = command("apply", "-auto-approve");
        assertThat(apply.exitCode()).isEqualTo(1);
        assertThat(apply.err()).contains("Provider configuration not present");
        assertThat(objects.object(id)).isNotNull();
        assertThat(state()).isEqualTo(before);
    }

    /** Runs {@code netform COMMAND -no-color ARGS...} in the directory with nothing on standard input. */
    CliRun command(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, "-no-color");
        return run("", all.toArray(String[]::new));
    }

    /** The text of the directory's state file. */
    String state() throws IOException {
        return Files.readString(dir.resolve("terraform.tfstate"));
    }

    /** Runs {@code netform args...} in the directory, reading {@code stdin}. */
    CliRun run(String stdin, String... args) {
        return CliRun.withProviders(dir, providers, stdin, args);
    }
}
