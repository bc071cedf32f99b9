package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plantimestamp() through the CLI: known in the plan, and the plan's own time again in the apply of
 * the saved plan; uuid() is known only after apply.
 */
class PlanTimestampTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theApplyOfASavedPlanGivesTheTimeThePlanWasMade() throws IOException {
        Files.writeString(dir.resolve("main.tf"), """
                output "planned_at" {
                  value = plantimestamp()
                }
                output "id" {
                  value = uuid()
                }
                """);
        CliRun plan = CliRun.run(dir, Map.of(), "plan", "-out=tfplan", "-no-color");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        Matcher planned = Pattern.compile("planned_at = \"([0-9TZ:-]+)\"").matcher(plan.out());
        assertThat(planned.find()).as(plan.out()).isTrue();
        assertThat(plan.out()).contains("id         = (known after apply)");
        // A saved plan records when it was made; this one now claims a moment long past.
        rewriteTimestamp(dir.resolve("tfplan"), "2020-01-02T03:04:05.678Z");

        CliRun apply = CliRun.run(dir, Map.of(), "apply", "-no-color", "tfplan");

        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out())
                .contains("planned_at = \"2020-01-02T03:04:05Z\"")
                .containsPattern("id = \"[0-9a-f-]{36}\"");
    }

    @Test
    void thePlanShowsThePlansOwnTime() throws IOException {
        Files.writeString(dir.resolve("main.tf"), "output \"planned_at\" {\n  value = plantimestamp()\n}\n");

        CliRun plan = CliRun.run(dir, Map.of(), "plan", "-out=tfplan", "-no-color");
        String recorded = JSON.readTree(
                        CliRun.run(dir, Map.of(), "show", "-json", "tfplan").out())
                .path("timestamp")
                .asText();

        assertThat(recorded).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(plan.out()).contains("planned_at = \"" + recorded + "\"");
    }

    private static void rewriteTimestamp(Path planFile, String timestamp) throws IOException {
        ByteArrayOutputStream rewritten = new ByteArrayOutputStream();
        try (InputStream in = Files.newInputStream(planFile);
                ZipInputStream zip = new ZipInputStream(in);
                ZipOutputStream out = new ZipOutputStream(rewritten)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                byte[] content = zip.readAllBytes();
                if (entry.getName().equals("plan.json")) {
                    ObjectNode plan = (ObjectNode) JSON.readTree(content);
                    plan.put("timestamp", timestamp);
                    content = JSON.writeValueAsBytes(plan);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        try (OutputStream out = Files.newOutputStream(planFile)) {
            rewritten.writeTo(out);
        }
    }
}
