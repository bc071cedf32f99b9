package io.netform.nsxt;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.provider.ProviderHarness;
import io.netform.value.Value;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test with a fresh configured provider and its embedded simulator for each test method, and
 * the lifecycle steps resource tests share.
 */
public abstract class EmbeddedNsxTest {

    @TempDir
    protected Path directory;

    protected EmbeddedProvider nsx;
    protected ProviderHarness harness;

    @BeforeEach
    void startProvider() {
        nsx = EmbeddedProvider.in(directory);
        harness = nsx.harness();
    }

    @AfterEach
    void stopProvider() {
        nsx.close();
    }

    /** Plans and applies a new object, returning what the apply reported (for expected failures). */
    protected ProviderHarness.Result applyNew(String type, Value config) {
        Value nothing = Value.nullOf(config.type());
        ProviderHarness.Planned plan = harness.plan(type, nothing, config);
        assertThat(plan.diagnostics()).isEmpty();
        return harness.apply(type, nothing, plan.state(), config);
    }

    /** Plans a change that must not replace the object and applies it, returning what the apply reported. */
    protected ProviderHarness.Result applyInPlace(String type, Value prior, Value config) {
        ProviderHarness.Planned plan = harness.plan(type, prior, config);
        assertThat(plan.diagnostics()).isEmpty();
        assertThat(plan.requiresReplace()).isEmpty();
        return harness.apply(type, prior, plan.state(), config);
    }

    /** Asserts that creating the object fails with one diagnostic: NSX's refusal, with these words in it. */
    protected void assertCreateRefused(String type, Value config, String... detail) {
        assertThat(applyNew(type, config).diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.getSummary()).isEqualTo("NSX refused to create the " + type);
            assertThat(d.getDetail()).contains(detail);
        });
    }

    /** Asserts that reading the object gives back the state unchanged, without diagnostics. */
    protected void assertReadsBackUnchanged(String type, Value state) {
        ProviderHarness.Result read = harness.read(type, state);
        assertThat(read.diagnostics()).isEmpty();
        assertThat(read.state()).isEqualTo(state);
    }

    /** Imports by id or path and reads the object, as the host does after an import. */
    protected Value importAndRead(String type, String idOrPath) {
        ProviderHarness.Result imported = harness.importState(type, idOrPath);
        assertThat(imported.diagnostics()).isEmpty();
        ProviderHarness.Result read = harness.read(type, imported.state());
        assertThat(read.diagnostics()).isEmpty();
        return read.state();
    }

    /** Destroys the object and asserts that a read finds it gone. */
    protected void assertDeletedAndGone(String type, Value state) {
        ProviderHarness.Result deleted =
                harness.apply(type, state, Value.nullOf(state.type()), Value.nullOf(state.type()));
        assertThat(deleted.diagnostics()).isEmpty();
        assertThat(harness.read(type, state).state().isNull()).isTrue();
    }

    /** Plans from prior (null for a new object) to config and applies the plan, whatever it says. */
    protected ProviderHarness.Result planAndApply(String type, Value prior, Value config) {
        ProviderHarness.Planned plan = harness.plan(type, prior, config);
        return harness.apply(type, prior, plan.state(), config);
    }

    /** Destroys the object. */
    protected ProviderHarness.Result delete(String type, Value state) {
        return harness.apply(type, state, Value.nullOf(state.type()), Value.nullOf(state.type()));
    }
}
