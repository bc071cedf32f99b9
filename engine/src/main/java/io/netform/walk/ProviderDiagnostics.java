package io.netform.walk;

import io.netform.config.ResourceConfig;
import io.netform.hcl.Body;
import io.netform.hcl.Diagnostic;
import io.netform.hcl.SourceRange;
import io.netform.value.AttributePath;
import io.netform.wire.ProviderDiagnostic;
import java.util.ArrayList;
import java.util.List;

/** Turns what a provider reported about an object into diagnostics that name the object and, where known, the attribute. */
public final class ProviderDiagnostics {

    private ProviderDiagnostics() {}

    public static void report(WalkContext context, String address, SourceRange at, List<ProviderDiagnostic> found) {
        context.report(of(address, at, found));
    }

    /** As {@link #report(WalkContext, String, SourceRange, List)}, each at the argument of {@code config} it names. */
    public static void report(
            WalkContext context, String address, ResourceConfig config, List<ProviderDiagnostic> found) {
        context.report(of(address, config, found));
    }

    /** As {@link #report(WalkContext, String, ResourceConfig, List)}, for a block such as a provider's. */
    public static void report(
            WalkContext context, String address, Body body, SourceRange fallback, List<ProviderDiagnostic> found) {
        context.report(of(address, body, fallback, found));
    }

    /**
     * The diagnostics of what a provider reported about the object at {@code address}, each placed, as
     * Terraform places it, at the argument of {@code config} whose value it is about, or else at the block.
     */
    public static List<Diagnostic> of(String address, ResourceConfig config, List<ProviderDiagnostic> found) {
        return of(address, config.config(), config.declRange(), found);
    }

    /**
     * As {@link #of(String, ResourceConfig, List)} for any block body; {@code fallback} places what the body
     * cannot, when it has no position.
     */
    public static List<Diagnostic> of(String address, Body body, SourceRange fallback, List<ProviderDiagnostic> found) {
        List<Diagnostic> out = new ArrayList<>();
        for (ProviderDiagnostic d : found) {
            SourceRange at = argumentRange(body, d.attribute());
            out.addAll(of(address, at == null ? fallback : at, List.of(d)));
        }
        return out;
    }

    /**
     * The range of the argument {@code path} starts at, when {@code body} sets it; else, as Terraform's
     * {@code InConfigBody} does for a diagnostic about the whole object or an argument not written, the
     * body's missing-item range (its opening brace).
     */
    private static SourceRange argumentRange(Body body, AttributePath path) {
        if (path == null
                || path.steps().isEmpty()
                || !(path.steps().get(0) instanceof AttributePath.AttributeName first)) {
            return body.missingItemRange();
        }
        return body.attributes().stream()
                .filter(a -> a.name().equals(first.name()))
                .findFirst()
                .map(a -> a.expression().range())
                .orElse(body.missingItemRange());
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
