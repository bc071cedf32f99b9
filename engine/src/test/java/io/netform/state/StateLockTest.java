package io.netform.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondWriterIsRefusedWithTheHoldersInfo() {
        Path state = dir.resolve("terraform.tfstate");
        LockInfo mine = LockInfo.forOperation("OperationTypeApply", "0.1.0", state.toString());
        try (StateLock lock = StateLock.acquire(state, mine, Duration.ZERO)) {
            assertThat(lock.info()).isEqualTo(mine);
            LockInfo theirs = LockInfo.forOperation("OperationTypePlan", "0.1.0", state.toString());
            assertThatThrownBy(() -> StateLock.acquire(state, theirs, Duration.ofMillis(300)))
                    .isInstanceOf(StateLockedException.class)
                    .hasMessageStartingWith("Error acquiring the state lock")
                    .hasMessageContaining("ID:        " + mine.id())
                    .hasMessageContaining("Operation: OperationTypeApply")
                    .satisfies(
                            e -> assertThat(((StateLockedException) e).holder()).isEqualTo(mine));
        }
        LockInfo later = LockInfo.forOperation("OperationTypePlan", "0.1.0", state.toString());
        try (StateLock lock = StateLock.acquire(state, later, Duration.ZERO)) {
            assertThat(StateLock.readInfo(StateLock.infoPathFor(state)))
                    .isEqualTo(lock.info())
                    .isEqualTo(later);
        }
        assertThat(StateLock.readInfo(StateLock.infoPathFor(state)))
                .as("released lock leaves no info")
                .isNull();
    }

    @Test
    void forceUnlockChecksTheId() {
        Path state = dir.resolve("terraform.tfstate");
        assertThatThrownBy(() -> StateLock.forceUnlock(state, "nope")).hasMessageContaining("is not locked");
        LockInfo mine = LockInfo.forOperation("OperationTypeApply", "0.1.0", state.toString());
        try (StateLock lock = StateLock.acquire(state, mine, Duration.ZERO)) {
            assertThat(lock.info().id()).isEqualTo(mine.id());
            assertThatThrownBy(() -> StateLock.forceUnlock(state, "other"))
                    .hasMessageContaining("does not match the existing lock ID \"" + mine.id() + "\"");
            assertThatThrownBy(() -> StateLock.forceUnlock(state, mine.id())).hasMessageContaining("held by");
        }
    }
}
