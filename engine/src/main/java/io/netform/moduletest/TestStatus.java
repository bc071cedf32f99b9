package io.netform.moduletest;

/** How a run, a file or the whole suite came out, in Terraform's order: a later status outranks an earlier one. */
public enum TestStatus {
    PENDING,
    SKIP,
    PASS,
    FAIL,
    ERROR;

    /** The worse of the two, as a file's status is the worst of its runs'. */
    public TestStatus merge(TestStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** How Terraform writes it: {@code pass}, {@code fail}, ... */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
