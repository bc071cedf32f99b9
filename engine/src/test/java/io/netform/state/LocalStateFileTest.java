package io.netform.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.netform.addrs.AddressParser;
import io.netform.addrs.ProviderConfig;
import io.netform.addrs.ProviderSource;
import io.netform.addrs.ResourceInstance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStateFileTest {

    static final ProviderConfig TESTING = ProviderConfig.root(ProviderSource.parse("netform/testing"));

    @TempDir
    Path dir;

    static StateChange put(String address, String name) {
        ResourceInstance addr = AddressParser.parseInstance(address);
        var attrs = JsonNodeFactory.instance.objectNode().put("name", name).put("id", name);
        return new StateChange.PutObject(
                addr,
                TESTING,
                new InstanceObject(
                        addr.key(),
                        null,
                        false,
                        0,
                        attrs,
                        JsonNodeFactory.instance.arrayNode(),
                        null,
                        List.of(),
                        false));
    }

    @Test
    void aNewStateStartsEmptyAndIsWrittenOnlyWhenItChanges() throws IOException {
        LocalStateFile file = new LocalStateFile(dir.resolve("terraform.tfstate"));
        State empty = file.read("0.1.0");
        assertThat(empty.isEmpty()).isTrue();
        assertThat(Files.exists(file.path())).isFalse();

        WorkingState working = new WorkingState(empty);
        working.apply(put("testing_object.a", "a"));
        State first = file.write(working.snapshot());
        assertThat(first.serial()).isEqualTo(1);
        assertThat(Files.getPosixFilePermissions(file.path())).isEqualTo(PosixFilePermissions.fromString("rw-------"));

        assertThat(file.write(first).serial())
                .as("unchanged content keeps its serial")
                .isEqualTo(1);

        working.apply(put("testing_object.b", "b"));
        State second = file.write(working.snapshot());
        assertThat(second.serial()).isEqualTo(2);
        State backup = StateCodec.decode(Files.readAllBytes(file.backupPath()), "backup");
        assertThat(backup.serial()).as("the backup is the previous snapshot").isEqualTo(1);

        State reread = new LocalStateFile(file.path()).read("0.1.0");
        assertThat(reread).isEqualTo(second);
        assertThat(reread.lineage()).isEqualTo(empty.lineage());
    }

    @Test
    void aLeftoverJournalIsReplayedIncludingEverythingBeforeATornLastLine() throws IOException {
        LocalStateFile file = new LocalStateFile(dir.resolve("terraform.tfstate"));
        State base = file.write(file.read("0.1.0"));
        try (StateJournal journal = StateJournal.start(file.journalPath(), base)) {
            journal.append(put("testing_object.a", "a"));
            journal.append(put("module.m[\"x\"].testing_object.b[3]", "b"));
            journal.append(new StateChange.RemoveObject(AddressParser.parseInstance("testing_object.a"), null));
            journal.append(put("testing_object.c", "c"));
            // What another process reads before any sync is what a process killed now would leave behind.
            assertThat(StateJournal.replay(file.journalPath(), base)
                            .orElseThrow()
                            .resources())
                    .hasSize(2);
        }
        // A crash in the middle of writing the next line leaves half of it behind.
        Files.writeString(file.journalPath(), "{\"op\":\"put\",\"addr", StandardOpenOption.APPEND);

        LocalStateFile reopened = new LocalStateFile(file.path());
        State recovered = reopened.read("0.1.0");
        assertThat(recovered.resources().keySet().stream().map(Object::toString))
                .containsExactly("testing_object.c", "module.m[\"x\"].testing_object.b");
        assertThat(Files.exists(file.journalPath()))
                .as("replayed journal is removed")
                .isFalse();
        assertThat(StateCodec.decode(Files.readAllBytes(file.path()), "s").resources())
                .hasSize(2);
        assertThat(recovered.serial()).isEqualTo(base.serial() + 1);
    }

    @Test
    void concurrentAppendsAndSyncsAllReachTheJournal() throws Exception {
        LocalStateFile file = new LocalStateFile(dir.resolve("terraform.tfstate"));
        State base = file.write(file.read("0.1.0"));
        try (StateJournal journal = StateJournal.start(file.journalPath(), base)) {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        journal.append(put("testing_object.t" + thread + "[" + i + "]", "o" + thread + "-" + i));
                        if (i % 10 == 9) {
                            journal.sync();
                        }
                    }
                }));
            }
            for (var w : work) {
                w.get(1, java.util.concurrent.TimeUnit.MINUTES);
            }
            pool.shutdown();
        }
        State recovered = new LocalStateFile(file.path()).read("0.1.0");
        assertThat(recovered.resources()).hasSize(8);
        assertThat(recovered.resources().values())
                .allSatisfy(r -> assertThat(r.instances()).hasSize(100));
    }

    @Test
    void anInterruptedThreadStillSyncsAndLeavesTheJournalOpenForOthers() throws IOException {
        LocalStateFile file = new LocalStateFile(dir.resolve("terraform.tfstate"));
        State base = file.write(file.read("0.1.0"));
        try (StateJournal journal = StateJournal.start(file.journalPath(), base)) {
            Thread.currentThread().interrupt();
            try {
                journal.append(put("testing_object.a", "a"));
                journal.sync();
                assertThat(Thread.currentThread().isInterrupted())
                        .as("the interrupt is kept for the caller")
                        .isTrue();
            } finally {
                Thread.interrupted();
            }
            journal.append(put("testing_object.b", "b"));
            journal.sync();
        }
        State recovered = new LocalStateFile(file.path()).read("0.1.0");
        assertThat(recovered.resources()).hasSize(2);
    }

    @Test
    void aJournalOfTheFirstApplyIsReplayedThoughNoStateFileWasWritten() throws IOException {
        LocalStateFile file = new LocalStateFile(dir.resolve("terraform.tfstate"));
        State empty = file.read("0.1.0");
        try (StateJournal journal = StateJournal.start(file.journalPath(), empty)) {
            journal.append(put("testing_object.a", "a"));
        }
        State recovered = new LocalStateFile(file.path()).read("0.1.0");
        assertThat(recovered.lineage()).isEqualTo(empty.lineage());
        assertThat(recovered.resources()).hasSize(1);
    }

    @Test
    void aJournalOfAnotherStateIsRefusedAndKept() throws IOException {
        LocalStateFile file = new LocalStateFile(dir.resolve("terraform.tfstate"));
        State base = file.write(file.read("0.1.0"));
        try (StateJournal journal = StateJournal.start(file.journalPath(), State.empty("0.1.0"))) {
            journal.append(put("testing_object.a", "a"));
        }
        assertThatThrownBy(() -> new LocalStateFile(file.path()).read("0.1.0"))
                .isInstanceOf(StateFormatException.class)
                .hasMessageContaining("this journal continues state lineage")
                .hasMessageContaining("but the state file has lineage " + base.lineage());
        assertThat(Files.exists(file.journalPath())).isTrue();
    }

    @Test
    void aDamagedJournalLineInTheMiddleIsAnErrorNamingTheLine() throws IOException {
        LocalStateFile file = new LocalStateFile(dir.resolve("terraform.tfstate"));
        State base = file.write(file.read("0.1.0"));
        try (StateJournal journal = StateJournal.start(file.journalPath(), base)) {
            journal.append(put("testing_object.a", "a"));
        }
        String text = Files.readString(file.journalPath());
        Files.writeString(
                file.journalPath(),
                text + "not json\n" + text.lines().skip(1).findFirst().orElseThrow() + "\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new LocalStateFile(file.path()).read("0.1.0"))
                .hasMessageContaining(file.journalPath() + ":3: damaged journal line");
    }

    @Test
    void outputsAndDeposedObjectsSurviveTheJournal() throws IOException {
        LocalStateFile file = new LocalStateFile(dir.resolve("s.tfstate"));
        State base = file.write(file.read("0.1.0"));
        ResourceInstance a = AddressParser.parseInstance("testing_object.a");
        var attrs = JsonNodeFactory.instance.objectNode().put("id", "old");
        try (StateJournal journal = StateJournal.start(file.journalPath(), base)) {
            journal.append(new StateChange.PutObject(
                    a,
                    TESTING,
                    new InstanceObject(
                            a.key(),
                            "0a1b2c3d",
                            false,
                            0,
                            attrs,
                            JsonNodeFactory.instance.arrayNode(),
                            null,
                            List.of(),
                            true)));
            journal.append(put("testing_object.a", "new"));
            journal.append(new StateChange.PutOutput(
                    "vip",
                    new OutputState(
                            JsonNodeFactory.instance.textNode("10.0.0.1"),
                            JsonNodeFactory.instance.textNode("string"),
                            true)));
        }
        State recovered = new LocalStateFile(file.path()).read("0.1.0");
        assertThat(recovered.resources().get(a.resource()).instances())
                .extracting(InstanceObject::deposed)
                .containsExactly(null, "0a1b2c3d");
        assertThat(recovered.outputs().get("vip").sensitive()).isTrue();
    }

    @Test
    void aDeposedObjectRestoredBeforeTheCrashIsCurrentAfterReplay() throws IOException {
        LocalStateFile file = new LocalStateFile(dir.resolve("terraform.tfstate"));
        WorkingState first = new WorkingState(file.read("0.1.0"));
        first.apply(put("testing_object.a", "old"));
        first.apply(put("testing_object.b", "b-old"));
        State base = file.write(first.snapshot());
        ResourceInstance a = AddressParser.parseInstance("testing_object.a");
        ResourceInstance b = AddressParser.parseInstance("testing_object.b");
        try (StateJournal journal = StateJournal.start(file.journalPath(), base)) {
            journal.append(new StateChange.DeposeObject(a, "0a1b2c3d"));
            journal.append(new StateChange.RestoreDeposed(a, "0a1b2c3d"));
            journal.append(new StateChange.DeposeObject(b, "4e5f6a7b"));
            journal.append(put("testing_object.b", "b-new"));
        }
        State recovered = new LocalStateFile(file.path()).read("0.1.0");
        assertThat(recovered.resources().get(a.resource()).instances())
                .extracting(o -> o.deposed() + " " + o.attributes().path("name").asText())
                .containsExactly("null old");
        assertThat(recovered.resources().get(b.resource()).instances())
                .extracting(o -> o.deposed() + " " + o.attributes().path("name").asText())
                .containsExactlyInAnyOrder("null b-new", "4e5f6a7b b-old");
    }
}
