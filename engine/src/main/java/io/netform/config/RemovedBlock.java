package io.netform.config;

import io.netform.addrs.AddressParser;
import io.netform.hcl.SourceRange;
import java.util.Objects;

/**
 * A {@code removed { from = ADDRESS  lifecycle { destroy = false } }} block: the resource or module at
 * {@code from} has left the configuration, and its objects are forgotten (when {@code destroy} is false)
 * rather than destroyed.
 */
public record RemovedBlock(AddressParser.Target from, boolean destroy, SourceRange range) {

    public RemovedBlock {
        Objects.requireNonNull(from, "from");
    }
}
