package io.netform.providers;

import io.netform.value.AttributePath;

/**
 * A diagnostic a provider returned, with the attribute it is about when the provider said.
 *
 * @param attribute the path within the resource's object, or null
 */
public record ProviderDiagnostic(boolean error, String summary, String detail, AttributePath attribute) {

    /** An error about the whole object. */
    public static ProviderDiagnostic error(String summary, String detail) {
        return new ProviderDiagnostic(true, summary, detail, null);
    }
}
