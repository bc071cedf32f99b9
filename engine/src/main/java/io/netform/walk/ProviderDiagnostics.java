package io.netform.walk;

import io.netform.hcl.Diagnostic;
import io.netform.hcl.SourceRange;
import io.netform.wire.ProviderDiagnostic;
import java.util.ArrayList;
import java.util.List;

/** Turns what a provider reported about an object into diagnostics that name the object and, where known, the attribute. */
public final class ProviderDiagnostics {

    private ProviderDiagnostics() {}

    public static void report(WalkContext context, String address, SourceRange at, List<ProviderDiagnostic> found) {
        context.report(of(address, at, found));
    }

    /** The diagnostics of what a provider reported about the object at {@code address}. */
    public static List<Diagnostic> of(String address, SourceRange at, List<ProviderDiagnostic> found) {
        List<Diagnostic> out = new ArrayList<>();
        for (ProviderDiagnostic d : found) {
            String attribute = d.attribute() == null || d.attribute().isRoot()
                    ? ""
                    : " (attribute " + d.attribute().toString().replaceFirst("^\\.", "") + ")";
            String detail = (d.detail() == null || d.detail().isEmpty() ? "" : d.detail() + "\n\n") + "  with "
                    + address + attribute;
            out.add(
                    d.error()
                            ? Diagnostic.error(d.summary(), detail, at)
                            : Diagnostic.warning(d.summary(), detail, at));
        }
        return out;
    }
}
