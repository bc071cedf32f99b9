package io.netform.nsxt.k8s;

import java.util.Optional;

/** The operators of a label selector's matchExpressions, by their Kubernetes spelling. */
public enum SelectorOperator {
    IN("In"),
    NOT_IN("NotIn"),
    EXISTS("Exists"),
    DOES_NOT_EXIST("DoesNotExist");

    private final String spelling;

    SelectorOperator(String spelling) {
        this.spelling = spelling;
    }

    /** The name in a manifest. */
    public String spelling() {
        return spelling;
    }

    /** True for the operators that take a list of values. */
    public boolean takesValues() {
        return this == IN || this == NOT_IN;
    }

    /** The operator spelled so in a manifest. */
    public static Optional<SelectorOperator> bySpelling(String text) {
        for (SelectorOperator operator : values()) {
            if (operator.spelling.equals(text)) {
                return Optional.of(operator);
            }
        }
        return Optional.empty();
    }
}
