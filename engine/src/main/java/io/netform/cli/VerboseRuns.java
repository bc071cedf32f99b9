package io.netform.cli;

import io.netform.addrs.ProviderSource;
import io.netform.moduletest.RunResult;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code netform test -verbose}: after each run, its plan as {@code plan} shows it ({@code command = plan}) or
 * the state it left as {@code show} shows it (apply); nothing without the flag.
 */
final class VerboseRuns implements Consumer<RunResult> {

    private final NetformCommand netform;
    private final Ui ui;
    private final boolean enabled;

    VerboseRuns(NetformCommand netform, Ui ui, boolean enabled) {
        this.netform = netform;
        this.ui = ui;
        this.enabled = enabled;
    }

    @Override
    public void accept(RunResult run) {
        if (!enabled) {
            return;
        }
        if (run.state() != null) {
            ui.out().println();
            new HumanShowView(netform, ui).state(run.state(), StateSnapshot.inMemory(run.name(), run.state(), ui));
            ui.out().println();
        } else if (run.plan() != null) {
            Set<ProviderSource> sources = new LinkedHashSet<>();
            run.plan().changes().forEach(c -> sources.add(c.provider().source()));
            ui.out().print(PlanRenderer.render(run.plan(), StateSchemas.load(netform, sources, ui), ui));
            ui.out().println();
        }
    }
}
