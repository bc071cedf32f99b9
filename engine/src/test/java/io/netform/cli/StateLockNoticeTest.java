package io.netform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netform.core.ProviderFactory;
import io.netform.state.LockInfo;
import io.netform.state.StateLock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that has to wait for the state lock says so, in Terraform's words, once taking it has taken longer than
 * a moment; one that takes it at once says nothing about it.
 */
class StateLockNoticeTest {

    private static final String NOTICE = "Acquiring state lock. This may take a few moments...";

    @TempDir
    Path dir;

    @BeforeEach
    void aConfiguration() throws Exception {
        Files.writeString(dir.resolve("main.tf"), "resource \"terraform_data\" \"x\" {\n  input = \"a\"\n}\n");
    }

    @Test
    void aCommandWaitingForTheLockSaysSoAndGoesOnOnceItIsReleased() throws Exception {
        String printed = applyWhileLocked("-no-color");
        assertThat(printed.indexOf(NOTICE)).isEqualTo(printed.lastIndexOf(NOTICE));
        assertThat(printed.indexOf(NOTICE)).isLessThan(printed.indexOf("Apply complete!"));
    }

    @Test
    void inJsonTheNoticeIsAStateLockAcquireMessage() throws Exception {
        String printed = applyWhileLocked("-json");
        JsonNode notice = null;
        for (String line : printed.split("\n")) {
            JsonNode message = new ObjectMapper().readTree(line);
            if (message.path("type").asText().equals("state_lock_acquire")) {
                assertThat(notice).as("one notice").isNull();
                notice = message;
            }
        }
        assertThat(notice).isNotNull();
        assertThat(notice.path("@level").asText()).isEqualTo("info");
        assertThat(notice.path("@message").asText()).isEqualTo(NOTICE);
    }

    /** Runs an apply with {@code flags} while the test holds the lock, which it releases once the apply says it waits. */
    private String applyWhileLocked(String... flags) throws Exception {
        StateLock held = StateLock.acquire(
                dir.resolve("terraform.tfstate"),
                LockInfo.forOperation("OperationTypeApply", "test", "terraform.tfstate"),
                Duration.ZERO);
        CountDownLatch noticed = new CountDownLatch(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                super.write(b, off, len);
                if (toString(StandardCharsets.UTF_8).contains(NOTICE)) {
                    noticed.countDown();
                }
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Ui ui = new Ui(
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        List<String> args = new ArrayList<>(List.of("apply", "-auto-approve", "-lock-timeout=2m"));
        args.addAll(List.of(flags));
        CompletableFuture<Integer> apply = CompletableFuture.supplyAsync(
                () -> Main.run(args.toArray(String[]::new), ui, dir, Map.of(), ProviderFactory.plugins()));
        try {
            assertThat(noticed.await(1, TimeUnit.MINUTES))
                    .as("the waiting apply said so; it printed: %s", out)
                    .isTrue();
            assertThat(apply).isNotDone();
        } finally {
            held.close();
        }
        assertThat(apply.get(1, TimeUnit.MINUTES))
                .as(err.toString(StandardCharsets.UTF_8))
                .isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCommandThatTakesTheLockAtOnceSaysNothingAboutIt() {
        CliRun apply = CliRun.run(dir, "apply", "-auto-approve", "-no-color");
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out()).contains("Apply complete!").doesNotContain(NOTICE);
    }
}
