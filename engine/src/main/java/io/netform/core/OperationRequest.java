package io.netform.core;

import io.netform.config.VariableInputs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a plan, apply, refresh or import is asked to do, as Terraform's flags say it: the working
 * directory and environment, variable arguments (-var, -var-file) in order, whether to refresh, the
 * addresses to replace, target and exclude, the parallel bound and the state lock settings
 * ({@code lockTimeout} as Terraform's flag takes it, e.g. {@code 30s}, read when the lock is taken).
 */
public record OperationRequest(
        Path dir,
        Map<String, String> env,
        List<VariableInputs.Argument> variables,
        boolean refresh,
        List<String> replace,
        List<String> targets,
        List<String> excludes,
        int parallelism,
        boolean lock,
        String lockTimeout) {

    public OperationRequest {
        env = Map.copyOf(env);
        variables = List.copyOf(variables);
        replace = List.copyOf(replace);
        targets = List.copyOf(targets);
        excludes = List.copyOf(excludes);
    }

    /** Terraform's defaults for {@code dir}: refresh, parallelism 10, lock without waiting. */
    public static OperationRequest defaults(Path dir, Map<String, String> env) {
        return new OperationRequest(dir, env, List.of(), true, List.of(), List.of(), List.of(), 10, true, "0s");
    }
}
