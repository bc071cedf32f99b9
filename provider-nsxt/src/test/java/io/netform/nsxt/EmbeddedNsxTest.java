package io.netform.nsxt;

import io.netform.provider.ProviderHarness;
import io.netform.value.Value;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test with a fresh embedded simulator and the provider's harness, and the lifecycle steps tests repeat. */
public abstract class EmbeddedNsxTest {

    @TempDir
    protected Path directory;

    protected EmbeddedProvider nsx;
    protected ProviderHarness harness;

    @BeforeEach
    void startSimulator() {
        nsx = EmbeddedProvider.in(directory);
        harness = nsx.harness();
    }

    @AfterEach
    void stopSimulator() {
        nsx.close();
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
