package io.netform.providers;

import io.netform.proto.tfplugin6.Diagnostic;
import io.netform.value.AttributePath;
import java.util.List;

/** Converts tfplugin6 diagnostics and attribute paths into the engine's. */
final class ProtoDiagnostics {

    private ProtoDiagnostics() {
    }

    /** The diagnostics in order; a severity the provider left unset counts as an error. */
    static List<ProviderDiagnostic> decode(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(ProtoDiagnostics::decode).toList();
    }

    private static ProviderDiagnostic decode(Diagnostic diagnostic) {
        AttributePath path = diagnostic.hasAttribute() && diagnostic.getAttribute().getStepsCount() > 0
                ? path(diagnostic.getAttribute())
                : null;
        return new ProviderDiagnostic(diagnostic.getSeverity() != Diagnostic.Severity.WARNING,
                diagnostic.getSummary(), diagnostic.getDetail(), path);
    }

    /** A path of attribute names, string keys and integer indexes. */
    static AttributePath path(io.netform.proto.tfplugin6.AttributePath path) {
        AttributePath converted = AttributePath.root();
        for (io.netform.proto.tfplugin6.AttributePath.Step step : path.getStepsList()) {
            converted = switch (step.getSelectorCase()) {
                case ATTRIBUTE_NAME -> converted.attr(step.getAttributeName());
                case ELEMENT_KEY_STRING -> converted.key(step.getElementKeyString());
                case ELEMENT_KEY_INT -> converted.index(step.getElementKeyInt());
                // A step without a selector says nothing more precise than the path so far.
                case SELECTOR_NOT_SET -> converted;
            };
        }
        return converted;
    }
}
