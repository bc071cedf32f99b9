package io.netform.provider;

import io.netform.proto.tfplugin6.Diagnostic;
import io.netform.value.AttributePath;

/** Diagnostics and attribute paths in tfplugin6's message form. */
final class WireDiagnostics {

    private WireDiagnostics() {}

    static Diagnostic error(String summary, String detail) {
        return Diagnostic.newBuilder()
                .setSeverity(Diagnostic.Severity.ERROR)
                .setSummary(summary)
                .setDetail(detail)
                .build();
    }

    static Diagnostic error(DiagnosticException e) {
        Diagnostic.Builder diagnostic = error(e.summary(), e.detail()).toBuilder();
        if (e.attribute() != null && !e.attribute().isRoot()) {
            diagnostic.setAttribute(path(e.attribute()));
        }
        return diagnostic.build();
    }

    static io.netform.proto.tfplugin6.AttributePath path(AttributePath path) {
        io.netform.proto.tfplugin6.AttributePath.Builder wire = io.netform.proto.tfplugin6.AttributePath.newBuilder();
        for (AttributePath.Step step : path.steps()) {
            io.netform.proto.tfplugin6.AttributePath.Step.Builder wireStep =
                    io.netform.proto.tfplugin6.AttributePath.Step.newBuilder();
            if (step instanceof AttributePath.GetAttr attr) {
                wireStep.setAttributeName(attr.name());
            } else if (step instanceof AttributePath.StringKey key) {
                wireStep.setElementKeyString(key.key());
            } else if (step instanceof AttributePath.IntKey index) {
                wireStep.setElementKeyInt(index.index());
            }
            wire.addSteps(wireStep);
        }
        return wire.build();
    }
}
