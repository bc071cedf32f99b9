package io.netform.wire;

import io.netform.proto.tfplugin6.Diagnostic;
import io.netform.value.AttributePath;
import java.util.List;

/**
 * A diagnostic a provider returns, with the attribute it is about when the provider said; providers
 * write it as tfplugin6's Diagnostic and the engine reads it back.
 *
 * @param attribute the path within the resource's object, or null
 */
public record ProviderDiagnostic(boolean error, String summary, String detail, AttributePath attribute) {

    /** An error about the whole object. */
    public static ProviderDiagnostic error(String summary, String detail) {
        return new ProviderDiagnostic(true, summary, detail, null);
    }

    /** The diagnostics in order; a severity the provider left unset counts as an error. */
    public static List<ProviderDiagnostic> fromProto(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(ProviderDiagnostic::fromProto).toList();
    }

    /** One diagnostic; an attribute path without steps is about the whole object. */
    public static ProviderDiagnostic fromProto(Diagnostic diagnostic) {
        AttributePath path =
                diagnostic.hasAttribute() && diagnostic.getAttribute().getStepsCount() > 0
                        ? AttributePaths.fromProto(diagnostic.getAttribute())
                        : null;
        return new ProviderDiagnostic(
                diagnostic.getSeverity() != Diagnostic.Severity.WARNING,
                diagnostic.getSummary(),
                diagnostic.getDetail(),
                path);
    }

    /** This diagnostic in tfplugin6's message form; a root path is left out, as it says nothing more. */
    public Diagnostic toProto() {
        Diagnostic.Builder wire = Diagnostic.newBuilder()
                .setSeverity(error ? Diagnostic.Severity.ERROR : Diagnostic.Severity.WARNING)
                .setSummary(summary)
                .setDetail(detail);
        if (attribute != null && !attribute.isRoot()) {
            wire.setAttribute(AttributePaths.toProto(attribute));
        }
        return wire.build();
    }
}
