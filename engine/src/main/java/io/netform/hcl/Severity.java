package io.netform.hcl;

/** How serious a {@link Diagnostic} is: errors stop the operation, warnings do not. */
public enum Severity {
    ERROR,
    WARNING
}
