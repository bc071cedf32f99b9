package io.netform.config;

import io.netform.addrs.AddressParser;
import io.netform.hcl.Expression;
import io.netform.hcl.SourceRange;
import io.netform.value.Value;
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
        String name,
        Map<String, Expression> variables,
        Map<String, ProviderBlock> providers,
        List<MockProvider> mocks,
        List<Override> overrides,
        List<Run> runs) {

    public TestFile {
        variables = Map.copyOf(variables);
        providers = Map.copyOf(providers);
        mocks = List.copyOf(mocks);
        overrides = List.copyOf(overrides);
        runs = List.copyOf(runs);
    }

    /**
     * An {@code override_resource} or {@code override_data} block (Terraform 1.7): the instances {@code target}
     * names are never sent to their provider; their computed attributes take {@code values}, else generated ones.
     * Or an {@code override_module} block: the module instances {@code target} names are not walked, and their
     * outputs take {@code values}, else null.
     *
     * @param target     a resource, data or module address; a module call or resource written without an instance
     *                   key stands for all its instances
     * @param duringPlan  {@code override_during = plan} (Terraform 1.11): the values already in the plan, rather than
     *                    unknown until applied
     * @param range       the block's type, where a problem with the whole block is reported
     * @param targetRange the {@code target} argument, where a target that names nothing is reported
     */
    public record Override(
            AddressParser.Target target,
            Value values,
            boolean duringPlan,
            SourceRange range,
            SourceRange targetRange) {}

    /**
     * A {@code mock_provider} block (Terraform 1.7): the provider named {@code name} answers without its plugin
     * doing any work, computed attributes taking the {@code mock_resource} or {@code mock_data} defaults of their
     * type, or generated values.
     *
     * @param source           the {@code source} argument, or null for the module's required_providers entry
     * @param resourceDefaults the {@code defaults} object of each {@code mock_resource}, by resource type
     * @param dataDefaults     the {@code defaults} object of each {@code mock_data}, by data source type
     */
    public record MockProvider(
            String name,
            String source,
            Map<String, Value> resourceDefaults,
            Map<String, Value> dataDefaults,
            List<Override> overrides,
            SourceRange range) {

        public MockProvider {
            resourceDefaults = Map.copyOf(resourceDefaults);
            dataDefaults = Map.copyOf(dataDefaults);
            overrides = List.copyOf(overrides);
        }
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
            List<Override> overrides,
            SourceRange range) {

        public Run {
            variables = Map.copyOf(variables);
            overrides = List.copyOf(overrides);
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
