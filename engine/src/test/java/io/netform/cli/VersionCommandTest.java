package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netform.plugins.Platform;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsTheVersionTheTerraformLanguageItImplementsAndThePlatform() {
        CliRun run = CliRun.run(dir, "version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .matches("Netform v\\d+\\.\\d+\\.\\d+\\nTerraform language 1\\.9\\.8\\non " + Platform.current()
                        + "\\n");
    }

    @Test
    void printsJsonForTools() throws Exception {
        CliRun run = CliRun.run(dir, "version", "-json");
        var json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("netform_version").asText()).isEqualTo(BuildInfo.version());
        assertThat(json.path("terraform_language_version").asText()).isEqualTo("1.9.8");
        assertThat(json.path("platform").asText()).isEqualTo(Platform.current().toString());
    }

    @Test
    void anUnknownCommandSuggestsTheNearestOne() {
        CliRun run = CliRun.run(dir, "verison");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Unmatched argument").contains("Did you mean: netform version");
    }
}
