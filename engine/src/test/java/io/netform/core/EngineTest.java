package io.netform.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.netform.addrs.AddressParser;
import io.netform.addrs.ProviderSource;
import io.netform.addrs.ResourceInstance;
import io.netform.apply.ApplyHooks;
import io.netform.apply.ApplyResult;
import io.netform.hcl.Diagnostic;
import io.netform.plan.Action;
import io.netform.plan.Plan;
import io.netform.plan.ResourceChange;
import io.netform.planner.PlanResult;
import io.netform.plugins.FakeProviderPlugin;
import io.netform.plugins.FakeProviderService;
import io.netform.plugins.ProviderClient;
import io.netform.plugins.VersionConstraint;
import io.netform.state.State;
import io.netform.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine API driven as a front end drives it, with the provider served in-process over gRPC. */
class EngineTest {

    private static final ProviderSource TESTING = ProviderSource.parse("netform/testing");

    @TempDir
    Path dir;

    @TempDir
    Path plugins;

    /** One object store for every start of the provider, as a real remote end would be. */
    private final FakeProviderService cloud = new FakeProviderService();

    private final Engine engine =
            new Engine(new InProcessProviders(Map.of(TESTING, d -> cloud)), (plugin, record) -> {}, "1.9.8");

    @BeforeEach
    void installed() throws IOException {
        FakeProviderPlugin.install(plugins, "netform/testing", "0.1.0");
        PluginPaths.record(dir, List.of(plugins));
        PluginPaths.installer(dir).install(Map.of(TESTING, VersionConstraint.any()), false);
    }

    @Test
    void aProviderServedInProcessRunsInTheEnginesJvmAndIsFoundAsTheInstalledPlugin() {
        try (ProviderClient provider = engine.providers(dir, Map.of()).start(TESTING, VersionConstraint.any())) {
            assertThat(provider.schema().provider().block().description())
                    .isEqualTo("fake provider served by process "
                            + ProcessHandle.current().pid());
        }
    }

    @Test
    void planAndApplyReturnTheirValuesAndReportProgressThroughTheHooks() throws IOException {
        config("resource \"testing_object\" \"web\" {\n  name = \"web\"\n}\n");
        List<String> events = new CopyOnWriteArrayList<>();
        ApplyHooks progress = new ApplyHooks() {
            @Override
            public void completed(ResourceChange change, Value newState, java.time.Duration elapsed) {
                events.add("applied " + change.address());
            }
        };
        try (Session session =
                engine.session(OperationRequest.defaults(dir, Map.of()), OperationHooks.NONE, new Cancellation())) {
            assertThat(session.load().failed()).isFalse();
            Result<State> read = session.lockAndRead("OperationTypeApply", backend());
            assertThat(read.value().resources()).isEmpty();
            Result<PlanResult> planned = session.plan(Plan.Mode.NORMAL);
            assertThat(planned.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
            assertThat(planned.value().plan().changes())
                    .extracting(ResourceChange::action)
                    .containsExactly(Action.CREATE);
            Result<ApplyResult> applied = session.apply(planned.value().plan(), progress);
            assertThat(applied.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
            assertThat(applied.value().added()).isEqualTo(1);
            assertThat(session.state().resources()).hasSize(1);
        }
        assertThat(events).containsExactly("applied testing_object.web");
        assertThat(backend().read("1.9.8").state().current(AddressParser.parseInstance("testing_object.web")))
                .isPresent();
    }

    @Test
    void importAdoptsAnExistingObjectAndRefreshRecordsItWithoutChangingAnything() throws IOException {
        config("resource \"testing_object\" \"web\" {\n  name = \"web\"\n}\n"
                + "resource \"testing_object\" \"copy\" {\n  name = \"imported-obj-web\"\n}\n");
        try (Session session = session()) {
            session.lockAndRead("OperationTypeApply", backend());
            Result<PlanResult> planned =
                    session.plan(Plan.Mode.NORMAL, List.of(), List.of(AddressParser.parse("testing_object.web")));
            session.apply(planned.value().plan(), ApplyHooks.NONE);
        }
        try (Session session = session()) {
            assertThat(session.importTarget("data.testing_lookup.x").diagnostics())
                    .extracting(Diagnostic::summary)
                    .containsExactly("Invalid address");
            assertThat(session.importTarget("testing_object.missing").diagnostics())
                    .extracting(Diagnostic::summary)
                    .containsExactly("Configuration for import target does not exist");
            Result<ResourceInstance> target = session.importTarget("testing_object.copy");
            session.lockAndRead("OperationTypeImport", backend());
            Result<Session.Imported> imported = session.importObject(target.value(), "obj-web");
            assertThat(imported.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
            assertThat(imported.value().objectId()).isEqualTo("obj-web");
            assertThat(session.importObject(target.value(), "obj-web").diagnostics())
                    .extracting(Diagnostic::summary)
                    .containsExactly("Resource already managed by Netform");
        }
        try (Session session = session()) {
            session.lockAndRead("OperationTypeApply", backend());
            Result<Session.Refreshed> refreshed = session.refresh();
            assertThat(refreshed.diagnostics()).filteredOn(Diagnostic::isError).isEmpty();
            assertThat(refreshed.value().drift()).isEmpty();
            assertThat(refreshed.value().state().resources()).hasSize(2);
        }
    }

    @Test
    void aCancelledSessionPlansNothingAndSaysSo() throws IOException {
        config("resource \"testing_object\" \"web\" {\n  name = \"web\"\n}\n");
        Cancellation cancellation = new Cancellation();
        try (Session session =
                engine.session(OperationRequest.defaults(dir, Map.of()), OperationHooks.NONE, cancellation)) {
            session.load();
            session.lockAndRead("OperationTypePlan", backend());
            cancellation.cancel();
            Result<PlanResult> planned = session.plan(Plan.Mode.NORMAL);
            assertThat(planned.failed()).isTrue();
            assertThat(planned.diagnostics()).extracting(Diagnostic::summary).containsExactly("Operation interrupted");
        }
    }

    @Test
    void aCycleIsADiagnosticOfTheLoadedConfigurationNotAnException() throws IOException {
        config("locals {\n  a = local.b\n  b = local.a\n}\n");
        Result<Configuration> loaded = engine.load(dir);
        assertThat(loaded.failed()).isTrue();
        assertThat(loaded.diagnostics()).extracting(Diagnostic::summary).contains("Cycle in the configuration");
    }

    @Test
    void aHeldLockIsAnErrorResultNamingTheHolder() throws IOException {
        config("");
        try (StateBackend.Lock held = backend().lock("OperationTypeApply", "1.9.8", java.time.Duration.ZERO);
                Session session = engine.session(
                        OperationRequest.defaults(dir, Map.of()), OperationHooks.NONE, new Cancellation())) {
            session.load();
            Result<State> read = session.lockAndRead("OperationTypePlan", backend());
            assertThat(read.failed()).isTrue();
            assertThat(read.diagnostics().get(0).summary()).contains("OperationTypeApply");
        }
    }

    /** A session with the configuration loaded. */
    private Session session() {
        Session session =
                engine.session(OperationRequest.defaults(dir, Map.of()), OperationHooks.NONE, new Cancellation());
        assertThat(session.load().failed()).isFalse();
        return session;
    }

    private StateBackend backend() {
        return new LocalStateBackend(dir.resolve("terraform.tfstate"), "default");
    }

    private void config(String body) throws IOException {
        Files.writeString(
                dir.resolve("main.tf"),
                "terraform {\n  required_providers {\n    testing = { source = "
                        + "\"netform/testing\" }\n  }\n}\n\nprovider \"testing\" {\n  endpoint = \"fake\"\n  token    = \"t\"\n}\n\n"
                        + body);
    }
}
