package io.netform.plan;

import io.netform.hcl.Diagnostic;
import io.netform.state.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A plan as {@code plan -out} saves it: the plan (its prior state, variables and changes), the
 * {@code -target} addresses it was made with, and what it was made from (the configuration files,
 * the dependency lock file and the Netform version), so that applying it can refuse when any of
 * those changed.
 *
 * @param configuration the text of every configuration file, by the name diagnostics use
 * @param lockFile      the dependency lock file's text, empty when there was none
 */
public record SavedPlan(
        Plan plan,
        List<String> targets,
        Map<String, String> configuration,
        String lockFile,
        String netformVersion,
        Instant timestamp) {

    public SavedPlan {
        targets = List.copyOf(targets);
        configuration = Map.copyOf(configuration);
    }

    /**
     * Why this plan cannot be applied now, as errors; empty when it can.
     *
     * @param configuration the configuration files as they are now
     * @param lockFile      the dependency lock file's text now, empty when there is none
     * @param current       the state as it is now
     */
    public List<Diagnostic> problemsApplying(
            Map<String, String> configuration, String lockFile, State current, String netformVersion) {
        List<Diagnostic> problems = new ArrayList<>();
        if (plan.errored()) {
            problems.add(Diagnostic.error(
                    "Saved plan is not applyable",
                    "The plan was saved after planning "
                            + "failed, so it is incomplete. Fix the errors it reported and run plan again.",
                    null));
        }
        if (!this.netformVersion.equals(netformVersion)) {
            problems.add(Diagnostic.error(
                    "Saved plan was made by another Netform version",
                    "The plan was made by "
                            + "Netform " + this.netformVersion + ", but this is Netform " + netformVersion
                            + ". Run plan again with this version.",
                    null));
        }
        if (!this.configuration.equals(configuration)) {
            problems.add(Diagnostic.error(
                    "Saved plan does not match the configuration",
                    "The configuration "
                            + "files changed since the plan was made (" + changedFiles(configuration) + "). Run plan "
                            + "again to see what the configuration asks for now.",
                    null));
        }
        if (!this.lockFile.equals(lockFile)) {
            problems.add(Diagnostic.error(
                    "Saved plan does not match the selected providers",
                    "The dependency "
                            + "lock file changed since the plan was made, so other provider versions would apply it. "
                            + "Run plan again.",
                    null));
        }
        problems.addAll(stateProblems(current));
        return List.copyOf(problems);
    }

    private List<Diagnostic> stateProblems(State current) {
        State prior = plan.priorState();
        if (prior.serial() == 0 && current.serial() == 0) {
            // Neither the plan nor now has a persisted state: nothing can have changed in between.
            return List.of();
        }
        if (!prior.lineage().equals(current.lineage())) {
            return List.of(Diagnostic.error(
                    "Saved plan does not match the given state",
                    "The plan was made "
                            + "against state lineage " + prior.lineage() + ", but the state now has lineage "
                            + current.lineage() + ": it belongs to another history of this configuration. Run plan "
                            + "again.",
                    null));
        }
        if (prior.serial() != current.serial()) {
            return List.of(Diagnostic.error(
                    "Saved plan is stale",
                    "The state changed since the plan was made "
                            + "(serial " + prior.serial() + " then, " + current.serial() + " now), so the plan may no "
                            + "longer describe the right changes. Run plan again.",
                    null));
        }
        return List.of();
    }

    private String changedFiles(Map<String, String> now) {
        List<String> changed = new ArrayList<>();
        new TreeMap<>(this.configuration).forEach((name, text) -> {
            if (!text.equals(now.get(name))) {
                changed.add(now.containsKey(name) ? name + " changed" : name + " removed");
            }
        });
        new TreeMap<>(now)
                .keySet().stream()
                        .filter(name -> !this.configuration.containsKey(name))
                        .forEach(name -> changed.add(name + " added"));
        return String.join(", ", changed);
    }
}
