package io.netform.config;

import io.netform.hcl.Expression;
import io.netform.hcl.SourceRange;
import java.util.List;
import java.util.Map;

/**
 * A test file ({@code *.tftest.hcl} or {@code *.tftest.json}) as Terraform's test framework reads it: file-level
 * variables, provider blocks replacing the root module's, and the run blocks in order.
 *
 * @param name      the file's path relative to the module under test, as output names it
 * @param variables the {@code variables} block's expressions, by variable name
 * @param providers the file's provider blocks, by {@code name} or {@code name.alias}
 */
public record TestFile(
        String name, Map<String, Expression> variables, Map<String, ProviderBlock> providers, List<Run> runs) {

    public TestFile {
        variables = Map.copyOf(variables);
        providers = Map.copyOf(providers);
        runs = List.copyOf(runs);
    }

    /** Whether a run plans only or also applies. */
    public enum Command {
        PLAN,
        APPLY
    }

    /**
     * One {@code run} block.
     *
     * @param module         the {@code module { source }} to run instead of the module under test, or null
     * @param expectFailures the checkable objects expected to fail, as written ({@code var.x}, {@code check.y})
     * @param stateKey       the state this run uses: {@code state_key}, else the module's source ("" the main one)
     */
    public record Run(
            String name,
            Command command,
            Map<String, Expression> variables,
            String module,
            List<Condition> asserts,
            List<ExpectedFailure> expectFailures,
            PlanOptions options,
            String stateKey,
            SourceRange range) {

        public Run {
            variables = Map.copyOf(variables);
            asserts = List.copyOf(asserts);
            expectFailures = List.copyOf(expectFailures);
        }
    }

    /** One address of {@code expect_failures} and where it is written. */
    public record ExpectedFailure(String address, SourceRange range) {}

    /**
     * A run's {@code plan_options}: {@code refreshOnly} for {@code mode = refresh-only}, whether to refresh,
     * the addresses to replace and to target.
     */
    public record PlanOptions(boolean refreshOnly, boolean refresh, List<String> replace, List<String> target) {

        /** Terraform's defaults: a normal plan that refreshes. */
        public static final PlanOptions DEFAULT = new PlanOptions(false, true, List.of(), List.of());

        public PlanOptions {
            replace = List.copyOf(replace);
            target = List.copyOf(target);
        }
    }
}
