package io.netform.lang;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expressions of the differential test: {@link ExpressionGenerator}'s, then the hand-written
 * corners in src/test/resources/lang/differential/corners.hcl; each expression once, the same every
 * run.
 */
final class DifferentialCorpus {

    /**
     * One expression, and the expression whose hcl-eval answer is Terraform's answer to it (null
     * where Terraform fails and the old libraries do not).
     */
    record Case(String expression, String terraform, TerraformDifference difference) {

        static Case same(String expression) {
            return new Case(expression, expression, null);
        }

        @Override
        public String toString() {
            String oneLine = expression.replace("\n", "\\n");
            return oneLine.length() > 120 ? oneLine.substring(0, 117) + "..." : oneLine;
        }
    }

    private final Map<String, Case> cases = new LinkedHashMap<>(ExpressionGenerator.generate());

    private DifferentialCorpus() {}

    /** Every case, generated ones first. */
    static List<Case> cases() throws IOException {
        DifferentialCorpus corpus = new DifferentialCorpus();
        corpus.corners();
        return List.copyOf(corpus.cases.values());
    }

    private void add(String expression) {
        cases.putIfAbsent(expression, Case.same(expression));
    }

    /**
     * The hand-written corners: one expression a line ({@code #} starts a comment line); a
     * multi-line one (a heredoc) between lines {@code <<<} and {@code >>>}. A line
     * {@code @NAME EXPRESSION} after an expression marks it as a {@link TerraformDifference} NAME, with
     * EXPRESSION the equivalent whose hcl-eval answer is Terraform's, or {@code @NAME error} where
     * Terraform fails.
     */
    private void corners() throws IOException {
        String text;
        try (InputStream in = DifferentialCorpus.class.getResourceAsStream("/lang/differential/corners.hcl")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> lines = text.lines().toList();
        List<String> block = null;
        String last = null;
        for (String line : lines) {
            if (block != null) {
                if (line.equals(">>>")) {
                    last = String.join("\n", block) + "\n";
                    add(last);
                    block = null;
                } else {
                    block.add(line);
                }
            } else if (line.equals("<<<")) {
                block = new ArrayList<>();
            } else if (line.startsWith("@")) {
                int space = line.indexOf(' ');
                TerraformDifference difference = TerraformDifference.valueOf(line.substring(1, space));
                String terraform = line.substring(space + 1).strip();
                cases.put(last, new Case(last, terraform.equals("error") ? null : terraform, difference));
            } else if (!line.isBlank() && !line.startsWith("#")) {
                last = line.strip();
                add(last);
            }
        }
    }
}
