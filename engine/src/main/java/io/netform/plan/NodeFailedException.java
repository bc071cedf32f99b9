package io.netform.plan;

/** A vertex of a walk failed; its diagnostics are already reported, so its dependents are skipped quietly. */
public final class NodeFailedException extends RuntimeException {
    public NodeFailedException(String address) {
        super(address, null, false, false);
    }
}
