package io.netform.config;

import io.netform.addrs.AddressParser;
import io.netform.hcl.SourceRange;
import java.util.Objects;

/**
 * A {@code moved { from = OLD, to = NEW }} block: objects recorded in state at {@code from} now
 * belong at {@code to}, without being destroyed. Both name resources, resource instances or module
 * calls, relative to the module the block is in.
 */
public record MovedBlock(AddressParser.Target from, AddressParser.Target to, SourceRange range) {

    public MovedBlock {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
