package io.netform.plan;

import io.netform.config.CheckStatus;
import java.util.List;

/**
 * What one check block came to in one module instance.
 *
 * @param address  {@code check.NAME}, prefixed by the module instance outside the root module
 * @param failures the error messages of the assertions that failed
 */
public record CheckResult(String address, CheckStatus status, List<String> failures) {

    public CheckResult {
        failures = List.copyOf(failures);
    }
}
