package io.netform.config;

/** What a custom condition, or a whole check, came to (Terraform's check statuses). */
public enum CheckStatus {
    /** Every condition held. */
    PASS,
    /** A condition was false. */
    FAIL,
    /** A condition could not be evaluated. */
    ERROR,
    /** A condition depends on values not known yet (at plan: known only after apply). */
    UNKNOWN;

    /** The worse of two statuses: an error over a failure over an unknown over a pass. */
    public CheckStatus worst(CheckStatus other) {
        return rank(this) >= rank(other) ? this : other;
    }

    private static int rank(CheckStatus s) {
        return switch (s) {
            case PASS -> 0;
            case UNKNOWN -> 1;
            case FAIL -> 2;
            case ERROR -> 3;
        };
    }
}
