package io.netform.provider;

import io.netform.value.Value;
import io.netform.wire.FunctionSignature;
import java.util.List;

/**
 * A provider-defined function (Terraform 1.8), called in configuration as
 * {@code provider::NAME::FUNCTION(...)}: its signature and what it computes. Like Terraform's, it
 * must compute only on its arguments (no network, no files, no configuration): the plugin runs it
 * where the call arrives, and the host may call it on a provider it never configured. Errors are
 * reported by throwing {@link FunctionError}.
 */
public interface ProviderFunction {

    FunctionSignature signature();

    /**
     * The result, of the signature's return type.
     *
     * @param arguments one per argument, each of its parameter's type, never null or unknown unless
     *     the parameter allows it
     */
    Value call(List<Value> arguments);
}
