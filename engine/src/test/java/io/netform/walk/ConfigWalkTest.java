package io.netform.walk;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.hcl.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A walk fails a vertex for its own errors only, however many vertices run at once. */
class ConfigWalkTest {

    @TempDir
    Path dir;

    @Test
    void anErrorOfOneResourceDoesNotFailAnotherRunningMeanwhile() throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                resource "testing_object" "bad" {
                  name = "bad"
                }
                resource "testing_object" "slow" {
                  name = "slow"
                }
                resource "testing_object" "after_slow" {
                  name       = "after"
                  depends_on = [testing_object.slow]
                }
                resource "testing_object" "after_bad" {
                  name       = "after"
                  depends_on = [testing_object.bad]
                }
                """);
        WalkContext context = FakeWalks.context(dir, new FakeProvider(), Map.of());
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch badReported = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        ConfigWalk.walk(context, 2, "test-walk", node -> false, (node, pool) -> {
            String name = node.resource().name();
            ran.add(name);
            if (name.equals("bad")) {
                assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
                // Reported from one of the resource's instance tasks, as the planner's are.
                pool.submit(() -> context.report(Diagnostic.error("Bad", "bad failed", null)))
                        .get();
                badReported.countDown();
            } else if (name.equals("slow")) {
                slowStarted.countDown();
                assertThat(badReported.await(10, TimeUnit.SECONDS)).isTrue();
            }
            return true;
        });
        assertThat(ran).contains("bad", "slow", "after_slow").doesNotContain("after_bad");
        assertThat(context.diagnostics()).extracting(Diagnostic::summary).containsExactly("Bad");
    }
}
