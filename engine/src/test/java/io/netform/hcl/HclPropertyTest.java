package io.netform.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the parser and formatter over generated and mutated files. */
class HclPropertyTest {
    private static final List<String> CORPUS = loadCorpus();
    private static final byte[] INTERESTING =
            "{}[]()\"'$%~<>-=#/*\\\n\r\t .,:?!&|0aZ\u00e9".getBytes(StandardCharsets.UTF_8);

    private static List<String> loadCorpus() {
        List<String> texts = new ArrayList<>();
        for (Path file : Corpus.files("syntax", ".tf")) {
            texts.add(Corpus.read(file));
        }
        for (Path file : Corpus.files("fmt", ".in.tf")) {
            texts.add(Corpus.read(file));
        }
        return texts;
    }

    @Provide
    Arbitrary<String> validFiles() {
        return Arbitraries.longs().map(seed -> new RandomConfigs(seed).file());
    }

    @Property(tries = 300)
    void generatedFilesParseWithoutErrors(@ForAll("validFiles") String text) {
        assertThat(HclParser.parseFile("gen.tf", text).diagnostics()).as(text).isEmpty();
    }

    @Property(tries = 300)
    void formattingKeepsTheSyntaxTree(@ForAll("validFiles") String text) {
        FormatResult result = HclFormatter.format("gen.tf", text);
        assertThat(result.diagnostics()).as(text).isEmpty();

        ParseResult<Body> reparsed = HclParser.parseFile("gen.tf", result.formatted());
        assertThat(reparsed.diagnostics()).as(result.formatted()).isEmpty();
        assertThat(SyntaxTreePrinter.print(reparsed.value()))
                .isEqualTo(SyntaxTreePrinter.print(
                        HclParser.parseFile("gen.tf", text).value()));
    }

    @Property(tries = 300)
    void formattingIsIdempotent(@ForAll("validFiles") String text) {
        String once = HclFormatter.format("gen.tf", text).formatted();

        assertThat(HclFormatter.format("gen.tf", once).formatted()).isEqualTo(once);
    }

    @Property(tries = 1000)
    void mutatedFilesYieldDiagnosticsNeverExceptions(@ForAll long seed) {
        Random random = new Random(seed);
        byte[] content = mutate(CORPUS.get(random.nextInt(CORPUS.size())).getBytes(StandardCharsets.UTF_8), random);

        ParseResult<Body> result = HclParser.parseFile("mutated.tf", content);
        FormatResult formatted = HclFormatter.format("mutated.tf", content);

        assertThat(result.value()).isNotNull();
        assertThat(result.diagnostics())
                .allSatisfy(d -> assertThat(d.subject().file()).isEqualTo("mutated.tf"));
        if (result.hasErrors()) {
            assertThat(formatted.hasErrors()).isTrue();
            assertThat(formatted.changed()).isFalse();
        } else {
            assertThat(SyntaxTreePrinter.print(HclParser.parseFile("mutated.tf", formatted.formatted())
                            .value()))
                    .isEqualTo(SyntaxTreePrinter.print(result.value()));
        }
        String text = new String(content, StandardCharsets.UTF_8);
        new DiagnosticRenderer().withSource("mutated.tf", text).render(result.diagnostics());
        assertThat(HclParser.parseTemplate("mutated.tftpl", text).value()).isNotNull();
        assertThat(io.netform.lang.References.of(
                        HclParser.parseExpression("mutated", text).value()))
                .isNotNull();
    }

    @Property(tries = 300)
    void mutatedExpressionsAndTemplatesNeverThrow(@ForAll long seed) {
        Random random = new Random(seed);
        String text = new String(
                mutate(
                        "a.b[*].c + f(x...) ? \"${y}%{if z}w%{endif}\" : [for v in l : v]"
                                .getBytes(StandardCharsets.UTF_8),
                        random),
                StandardCharsets.UTF_8);

        assertThat(HclParser.parseExpression("e", text).value()).isNotNull();
        assertThat(HclParser.parseTemplate("t", text).value()).isNotNull();
    }

    private static byte[] mutate(byte[] original, Random random) {
        List<Byte> bytes = new ArrayList<>(original.length + 8);
        for (byte b : original) {
            bytes.add(b);
        }
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            int at = bytes.isEmpty() ? 0 : random.nextInt(bytes.size());
            switch (random.nextInt(4)) {
                case 0 -> bytes.add(at, INTERESTING[random.nextInt(INTERESTING.length)]);
                case 1 -> {
                    if (!bytes.isEmpty()) {
                        bytes.remove(at);
                    }
                }
                case 2 -> {
                    if (!bytes.isEmpty()) {
                        bytes.set(at, (byte) random.nextInt(256));
                    }
                }
                default -> {
                    if (!bytes.isEmpty()) {
                        bytes.set(at, INTERESTING[random.nextInt(INTERESTING.length)]);
                    }
                }
            }
        }
        byte[] result = new byte[bytes.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = bytes.get(i);
        }
        return result;
    }
}
