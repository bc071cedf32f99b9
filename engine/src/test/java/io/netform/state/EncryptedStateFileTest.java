package io.netform.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netform.state.encryption.AesGcmMethod;
import io.netform.state.encryption.EncryptionTarget;
import io.netform.state.encryption.Pbkdf2KeyProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local state file and its journal stored encrypted: nothing in clear on disk, all of it recovered. */
class EncryptedStateFileTest {

    @TempDir
    Path dir;

    @Test
    void theJournalOfAnInterruptedApplyIsEncryptedAndReplayedWithTheKey() throws IOException {
        SnapshotCodec codec = codec("correct-horse-battery-staple");
        LocalStateFile file = new LocalStateFile(dir.resolve("terraform.tfstate"), codec);
        State base = file.write(file.read("0.1.0"));
        try (StateJournal journal = StateJournal.start(file.journalPath(), base, codec)) {
            journal.append(LocalStateFileTest.put("testing_object.a", "secret-name-1"));
            journal.sync();
        }

        assertThat(Files.readString(file.journalPath()))
                .contains("encrypted_data")
                .doesNotContain("secret-name-1", "testing_object");
        assertThatThrownBy(() -> new LocalStateFile(file.path(), codec("the-wrong-passphrase-here")).read("0.1.0"))
                .isInstanceOf(StateFormatException.class)
                .hasMessageContaining("decryption of the state failed");
        assertThat(file.journalPath()).exists();
        State recovered = new LocalStateFile(file.path(), codec).read("0.1.0");
        assertThat(recovered.resources()).hasSize(1);
        assertThat(Files.readString(file.path())).doesNotContain("secret-name-1");
        assertThat(file.journalPath()).doesNotExist();
    }

    private static SnapshotCodec codec(String passphrase) {
        return new SnapshotCodec(new EncryptionTarget(
                "state",
                new AesGcmMethod(
                        "method.aes_gcm.main",
                        Pbkdf2KeyProvider.of("key_provider.pbkdf2.main", passphrase, 32, 200_000, "sha256", 16),
                        null),
                List.of(),
                false));
    }
}
