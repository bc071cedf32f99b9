package io.netform.lang.function;

import java.util.OptionalInt;

/**
 * A function call failed. Carries the index of the argument at fault (if any) and Terraform's
 * wording: {@link #summary()} is "Invalid function argument" or "Error in function call" (or an
 * arity summary) and {@link #detail()} the sentence the evaluator shows at the argument's range.
 *
 * <p>Implementations throw it with a bare reason; {@link Function#call} adds the function and
 * parameter names.
 */
public final class FunctionException extends Exception {
    private final OptionalInt argumentIndex;
    private final String reason;
    private final String summary;
    private final String detail;

    private FunctionException(OptionalInt argumentIndex, String reason, String summary, String detail) {
        super(detail == null ? reason : detail);
        this.argumentIndex = argumentIndex;
        this.reason = reason;
        this.summary = summary;
        this.detail = detail;
    }

    /** A failure of the call as a whole, e.g. {@code no non-null, non-empty-string arguments}. */
    public FunctionException(String reason) {
        this(OptionalInt.empty(), reason, null, null);
    }

    /** A failure caused by one argument (0-based, counting variadic arguments too). */
    public static FunctionException argument(int index, String reason) {
        return new FunctionException(OptionalInt.of(index), reason, null, null);
    }

    /**
     * A call that cannot be made at all, reported as it is worded, e.g. "Unknown provider function"
     * with the reason in {@code detail}.
     */
    public static FunctionException call(String summary, String detail) {
        return new FunctionException(OptionalInt.empty(), detail, summary, detail);
    }

    /** A wrong number of arguments, reported with HCL's own summary. */
    static FunctionException arity(OptionalInt index, String summary, String detail) {
        return new FunctionException(index, detail, summary, detail);
    }

    /** This failure worded for a call to {@code function}, whose argument is {@code parameter}. */
    FunctionException inCall(String function, Parameter parameter) {
        if (summary != null) {
            return this;
        }
        if (argumentIndex.isPresent() && parameter != null) {
            return new FunctionException(
                    argumentIndex,
                    reason,
                    "Invalid function argument",
                    "Invalid value for \"" + parameter.name() + "\" parameter: " + reason + ".");
        }
        return new FunctionException(
                OptionalInt.empty(),
                reason,
                "Error in function call",
                "Call to function \"" + function + "\" failed: " + reason + ".");
    }

    /** The 0-based index of the argument at fault, or empty if the call as a whole failed. */
    public OptionalInt argumentIndex() {
        return argumentIndex;
    }

    /** The bare reason, e.g. {@code argument must not be null}. */
    public String reason() {
        return reason;
    }

    /** The diagnostic summary; "Error in function call" before the framework has worded it. */
    public String summary() {
        return summary == null ? "Error in function call" : summary;
    }

    /** The diagnostic detail; the bare reason before the framework has worded it. */
    public String detail() {
        return detail == null ? reason : detail;
    }
}
