package io.netform.provider;

import io.netform.value.AttributePath;
import io.netform.wire.ProviderDiagnostic;
import java.util.Objects;

/**
 * What a provider throws to report an error to the user: a summary, a detail and, when the
 * problem is one attribute's value, that attribute's path.
 */
public final class DiagnosticException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String summary;
    private final String detail;
    private final transient AttributePath attribute;

    /** An error about the object as a whole. */
    public DiagnosticException(String summary, String detail) {
        this(summary, detail, null);
    }

    /** An error about one attribute. */
    public DiagnosticException(String summary, String detail, AttributePath attribute) {
        super(attribute == null ? summary + ": " + detail : summary + " (" + attribute + "): " + detail);
        this.summary = Objects.requireNonNull(summary, "summary");
        this.detail = Objects.requireNonNull(detail, "detail");
        this.attribute = attribute;
    }

    public String summary() {
        return summary;
    }

    public String detail() {
        return detail;
    }

    /** The attribute the error is about, or null. */
    public AttributePath attribute() {
        return attribute;
    }

    /** The error as the provider reports it to the host. */
    public ProviderDiagnostic diagnostic() {
        return new ProviderDiagnostic(true, summary, detail, attribute);
    }
}
