package io.netform.lang;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netform.go.GoBuild;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * HashiCorp's hcl/v2 and go-cty (Debian's packaged libraries) as an expression evaluator: builds
 * src/test/go/hcl-eval in GOPATH mode and evaluates a batch of expressions in one process of it.
 */
final class GoHclEvaluator {

    static final String INSTALL_COMMAND = "apt-get install -y golang-go golang-github-hashicorp-hcl-v2-dev"
            + " golang-github-zclconf-go-cty-dev (or run .ci/install-go)";

    private static final Path SOURCES = Path.of("src/test/go/hcl-eval").toAbsolutePath();
    private static final Path BUILD = Path.of("target/go-hcl-eval").toAbsolutePath();
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final Path binary;

    private GoHclEvaluator(Path binary) {
        this.binary = binary;
    }

    /** Builds the Go program; fails saying what to install when Go or the libraries are missing. */
    static GoHclEvaluator build() throws IOException, InterruptedException {
        return new GoHclEvaluator(
                GoBuild.build(SOURCES, BUILD, "hcl-eval", "HashiCorp's hcl/v2 and go-cty", INSTALL_COMMAND));
    }

    /** Each expression's answer line ({"type","value","text"} or {"error"}), by expression. */
    Map<String, JsonNode> evaluate(List<String> expressions) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(binary.toString())
                .redirectError(BUILD.resolve("hcl-eval.stderr").toFile())
                .start();
        // Feed stdin from another thread: the program answers as it reads, and a full stdout pipe
        // would otherwise stop both sides.
        CompletableFuture<Void> feeding = CompletableFuture.runAsync(() -> {
            try (OutputStream in = process.getOutputStream()) {
                for (String expression : expressions) {
                    in.write(JSON.writeValueAsBytes(expression));
                    in.write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        List<JsonNode> answers = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                answers.add(JSON.readTree(line));
            }
        }
        feeding.join();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).as("hcl-eval finished").isTrue();
        assertThat(process.exitValue())
                .as(
                        "hcl-eval's exit status; its standard error: %s",
                        Files.readString(BUILD.resolve("hcl-eval.stderr")))
                .isZero();
        assertThat(answers).as("one answer per expression").hasSameSizeAs(expressions);
        Map<String, JsonNode> byExpression = new LinkedHashMap<>();
        for (int i = 0; i < expressions.size(); i++) {
            byExpression.put(expressions.get(i), answers.get(i));
        }
        return byExpression;
    }
}
