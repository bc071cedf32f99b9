package io.netform.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SlowStepTest {

    @Test
    void aStepStillRunningAfterTheThresholdIsAnnouncedOnceBeforeItEnds() {
        AtomicInteger announced = new AtomicInteger();
        CountDownLatch announcement = new CountDownLatch(1);
        String result = SlowStep.run(
                Duration.ofMillis(10),
                () -> {
                    announced.incrementAndGet();
                    announcement.countDown();
                },
                () -> {
                    // the step ends only once it has been announced
                    try {
                        assertThat(announcement.await(1, TimeUnit.MINUTES)).isTrue();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return "taken";
                });
        assertThat(result).isEqualTo("taken");
        assertThat(announced).hasValue(1);
    }

    @Test
    void aStepThatEndsFirstIsNeverAnnounced() throws Exception {
        AtomicInteger announced = new AtomicInteger();
        assertThat(SlowStep.run(Duration.ofMillis(50), announced::incrementAndGet, () -> "quick"))
                .isEqualTo("quick");
        // the announcement's timer fires after the step ended, and finds it done
        CountDownLatch fired = new CountDownLatch(1);
        SlowStep.run(Duration.ofMillis(60), fired::countDown, () -> {
            try {
                assertThat(fired.await(1, TimeUnit.MINUTES)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        assertThat(announced).hasValue(0);
    }
}
