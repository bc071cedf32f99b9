package io.netform.lang.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netform.value.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every line of the corpus in src/test/resources/lang/functions against the registry. */
class FunctionCorpusTest {
    static final Path CORPUS = corpusDirectory();
    /** Relative, as a module directory usually is, so error messages name stable paths. */
    static final Path MODULE_DIR = Path.of("src/test/resources/lang/functions/files");

    static final FunctionRegistry REGISTRY = FunctionRegistry.terraform(
            MODULE_DIR,
            new ConcatenatingTemplateRenderer(),
            Clock.fixed(Instant.parse("2024-05-06T07:08:09Z"), ZoneOffset.UTC));

    static Stream<CorpusCase> cases() throws IOException {
        List<CorpusCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String text = lines.get(i).strip();
                    if (!text.isEmpty() && !text.startsWith("#")) {
                        cases.add(CorpusCase.parse(file.getFileName().toString(), i + 1, text));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void callGivesTheExpectedResult(CorpusCase c) throws FunctionException {
        Function f = REGISTRY.lookup(c.function()).orElseThrow(() -> new AssertionError("no function " + c.function()));
        if (c.expected() == null) {
            FunctionException e = catchThrowableOfType(FunctionException.class, () -> f.call(c.args()));
            assertThat(e).as("%s should fail", c).isNotNull();
            assertThat(e.detail()).as(c.toString()).isEqualTo(c.errorDetail());
            assertThat(e.argumentIndex()).as(c.toString()).isEqualTo(c.errorIndex());
            return;
        }
        Value actual = f.call(c.args());
        if (!c.expected().isKnown()) {
            assertThat(actual.isKnown()).as("%s is unknown", c).isFalse();
            assertThat(actual.type()).as(c.toString()).isEqualTo(c.expected().type());
            assertThat(actual.marks()).as(c.toString()).isEqualTo(c.expected().marks());
        } else {
            assertThat(actual).as(c.toString()).isEqualTo(c.expected());
        }
    }

    private static Path corpusDirectory() {
        try {
            return Path.of(
                    FunctionCorpusTest.class.getResource("/lang/functions").toURI());
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
