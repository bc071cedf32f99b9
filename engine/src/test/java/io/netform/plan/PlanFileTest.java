package io.netform.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netform.addrs.AddressParser;
import io.netform.value.Mark;
import io.netform.value.Refinement;
import io.netform.value.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanFileTest {

    private static final Instant WHEN = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aSavedPlanReadsBackExactlyWithUnknownsRefinementsAndSensitiveMarks() {
        SavedPlan saved = PlanFixtures.savedPlan();
        Path file = dir.resolve("tfplan");
        PlanFile.write(file, saved);

        SavedPlan read = PlanFile.read(file);
        assertThat(read.targets()).isEqualTo(saved.targets());
        assertThat(read.configuration()).isEqualTo(saved.configuration());
        assertThat(read.lockFile()).isEqualTo(saved.lockFile());
        assertThat(read.netformVersion()).isEqualTo("0.1.0");
        assertThat(read.timestamp()).isEqualTo(WHEN);
        Plan p = read.plan();
        Plan expected = saved.plan();
        assertThat(p.mode()).isEqualTo(expected.mode());
        assertThat(p.errored()).isFalse();
        assertThat(p.variables()).isEqualTo(expected.variables());
        assertThat(p.variables().get("password").hasMark(Mark.SENSITIVE)).isTrue();
        assertThat(p.outputs()).isEqualTo(expected.outputs());
        assertThat(p.priorState()).isEqualTo(expected.priorState());
        assertSameChanges(p.changes(), expected.changes());
        assertSameChanges(p.drift(), expected.drift());
        Value id = p.changes().get(0).after().getAttr("id");
        assertThat(id.isKnown()).isFalse();
        assertThat(id.refinement()).isEqualTo(Refinement.NONE.withNotNull().withStringPrefix("seg-"));
        assertThat(p.changes().get(0).after().getAttr("admin_password").isSensitive())
                .isTrue();
    }

    @Test
    void theImportsAndMovesOfASavedPlanReadBack() {
        SavedPlan saved = PlanFixtures.savedPlan();
        Plan p = saved.plan();
        StateAdoptions adoptions = new StateAdoptions(
                Map.of(AddressParser.parseInstance("nsxt_policy_segment.web"), "seg-web"),
                Map.of(
                        AddressParser.parseInstance("module.cluster[\"dev\"].nsxt_policy_segment.db[1]"),
                        AddressParser.parseInstance("nsxt_policy_segment.db")));
        Plan adopting = new Plan(
                p.mode(), p.changes(), p.drift(), p.outputs(), p.priorState(), p.variables(), p.errored(), adoptions);
        Path file = dir.resolve("tfplan");
        PlanFile.write(
                file,
                new SavedPlan(
                        adopting,
                        saved.targets(),
                        saved.configuration(),
                        saved.lockFile(),
                        saved.netformVersion(),
                        saved.timestamp()));

        assertThat(PlanFile.read(file).plan().adoptions()).isEqualTo(adoptions);
    }

    private static void assertSameChanges(List<ResourceChange> actual, List<ResourceChange> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.size(); i++) {
            ResourceChange a = actual.get(i);
            ResourceChange e = expected.get(i);
            assertThat(List.of(
                            a.address(),
                            a.provider(),
                            a.action(),
                            a.reason(),
                            a.type(),
                            a.before(),
                            a.after(),
                            a.replacePaths()))
                    .isEqualTo(List.of(
                            e.address(),
                            e.provider(),
                            e.action(),
                            e.reason(),
                            e.type(),
                            e.before(),
                            e.after(),
                            e.replacePaths()));
            assertThat(a.deposed()).isEqualTo(e.deposed());
            assertThat(a.privateData()).isEqualTo(e.privateData());
        }
    }

    @Test
    void thePlanFileIsReadableByItsOwnerOnly() throws Exception {
        Path file = dir.resolve("tfplan");
        PlanFile.write(file, PlanFixtures.savedPlan());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PlanFile.isPlanFile(file)).isTrue();
    }

    @Test
    void aFileThatIsNotAPlanIsRefusedNamingIt() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertThat(PlanFile.isPlanFile(text)).isFalse();
        assertThatThrownBy(() -> PlanFile.read(text))
                .isInstanceOf(PlanFileException.class)
                .hasMessageContaining("notes.txt")
                .hasMessageContaining("not a Netform plan file");
        assertThatThrownBy(() -> PlanFile.read(dir.resolve("missing")))
                .isInstanceOf(PlanFileException.class)
                .hasMessageContaining("missing")
                .hasMessageContaining("does not exist");
    }
}
