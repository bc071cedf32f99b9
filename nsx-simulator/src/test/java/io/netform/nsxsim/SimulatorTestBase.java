package io.netform.nsxsim;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Starts a fresh simulator over HTTPS on a free port, with its store in a temporary directory. */
abstract class SimulatorTestBase {

    @TempDir
    Path data;

    SimulatorConfig config;
    NsxSimulator simulator;
    NsxTestClient nsx;

    /** The configuration of the simulator under test; subclasses adjust it. */
    SimulatorConfig configure(SimulatorConfig defaults) {
        return defaults;
    }

    @BeforeEach
    void startSimulator() {
        config = configure(SimulatorConfig.defaults()
                .withDataDirectory(data)
                .withLimits(0, 0)
                .withRealizationDelay(Duration.ZERO));
        simulator = NsxSimulator.start(config);
        nsx = NsxTestClient.of(simulator, config);
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    /** Restarts the simulator on the same data directory. */
    void restart() {
        simulator.close();
        simulator = NsxSimulator.start(config);
        nsx = NsxTestClient.of(simulator, config);
    }
}
