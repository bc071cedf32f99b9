package io.netform.nsxt.k8s;

/** A direction a NetworkPolicy isolates, as written in {@code policyTypes}. */
public enum PolicyType {
    INGRESS("Ingress"),
    EGRESS("Egress");

    private final String spelling;

    PolicyType(String spelling) {
        this.spelling = spelling;
    }

    /** The name in a manifest. */
    public String spelling() {
        return spelling;
    }
}
