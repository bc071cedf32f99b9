package io.netform.planner;

import io.netform.addrs.AddressParser;
import io.netform.addrs.ResourceInstance;
import io.netform.plan.Plan;
import java.util.List;
import java.util.Set;

/**
 * How to plan.
 *
 * @param refresh     whether to read every object from the provider first ({@code -refresh=false} skips it)
 * @param replace     instances to replace even when nothing forces it ({@code -replace=ADDR})
 * @param targets     when not empty, plan only these and what they depend on ({@code -target=ADDR})
 * @param parallelism how many provider operations may run at once
 * @param excludes    leave these and what depends on them out of the plan ({@code -exclude=ADDR})
 * @param imports     imports to plan besides the configuration's import blocks ({@code netform import})
 */
public record PlanOptions(
        Plan.Mode mode,
        boolean refresh,
        Set<ResourceInstance> replace,
        List<AddressParser.Target> targets,
        int parallelism,
        List<AddressParser.Target> excludes,
        List<io.netform.config.ImportBlock> imports) {

    public PlanOptions {
        replace = Set.copyOf(replace);
        targets = List.copyOf(targets);
        excludes = List.copyOf(excludes);
        imports = List.copyOf(imports);
    }

    /** Options without exclusions or imports beyond the configuration's. */
    public PlanOptions(
            Plan.Mode mode,
            boolean refresh,
            Set<ResourceInstance> replace,
            List<AddressParser.Target> targets,
            int parallelism) {
        this(mode, refresh, replace, targets, parallelism, List.of(), List.of());
    }

    /** A normal plan with refresh and Terraform's default parallelism of 10. */
    public static PlanOptions defaults() {
        return new PlanOptions(Plan.Mode.NORMAL, true, Set.of(), List.of(), 10);
    }
}
