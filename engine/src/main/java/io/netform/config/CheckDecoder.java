package io.netform.config;

import io.netform.addrs.Resource;
import io.netform.hcl.Block;
import io.netform.hcl.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Decodes a {@code check} block: its scoped {@code data} blocks and its {@code assert} blocks. */
final class CheckDecoder {

    private CheckDecoder() {}

    /** The check, or null when it cannot be used (reported). */
    static Check decode(Block b, List<Diagnostic> diagnostics) {
        String name = b.labels().get(0).value();
        BodyContent c = BodyDecoder.of(Set.of(), Set.of(), Map.of("data", 2, "assert", 0))
                .decode(b.body(), "check", diagnostics);
        List<ResourceConfig> data = new ArrayList<>();
        for (Block d : c.blocks("data")) {
            Resource address =
                    Resource.data(d.labels().get(0).value(), d.labels().get(1).value());
            ResourceConfig config = ResourceDecoder.decode(address, d, diagnostics);
            Lifecycle lifecycle = config.lifecycle();
            if (config.count() != null || config.forEach() != null) {
                diagnostics.add(Diagnostic.error(
                        "Invalid scoped data source",
                        "A data source inside a check block "
                                + "is read once per check: count and for_each are not supported here.",
                        d.typeRange()));
            } else if (!lifecycle.preconditions().isEmpty()
                    || !lifecycle.postconditions().isEmpty()) {
                diagnostics.add(Diagnostic.error(
                        "Invalid scoped data source",
                        "A data source inside a check block "
                                + "cannot have preconditions or postconditions: write them as assert blocks of the check.",
                        d.typeRange()));
            } else if (data.stream().anyMatch(other -> other.address().equals(address))) {
                diagnostics.add(Diagnostic.error(
                        "Duplicate data \"" + address.type() + "\" configuration",
                        "A "
                                + address.type() + " data resource named \"" + address.name()
                                + "\" was already declared "
                                + "in check \"" + name + "\".",
                        d.labels().get(1).range()));
            } else {
                data.add(config);
            }
        }
        List<Condition> asserts = ConditionDecoder.all(c.blocks(), "assert", diagnostics);
        if (c.blocks("assert").isEmpty()) {
            diagnostics.add(Diagnostic.error(
                    "Missing assert block",
                    "A check block needs at least one assert "
                            + "block: an assert block with a condition and an error_message.",
                    b.labels().get(0).range()));
            return null;
        }
        return new Check(name, data, asserts, b.labels().get(0).range());
    }

    /**
     * Reports scoped data sources whose address a data block of the module, or of another check,
     * already uses: a scoped data source shares the module's namespace of data sources.
     */
    static void checkNames(
            Map<String, Check> checks, Map<Resource, ResourceConfig> resources, List<Diagnostic> diagnostics) {
        Map<Resource, String> owners = new HashMap<>();
        for (Check check : checks.values()) {
            for (ResourceConfig d : check.data()) {
                Resource r = d.address();
                ResourceConfig module = resources.get(r);
                String owner = owners.putIfAbsent(r, check.name());
                if (module != null || owner != null) {
                    String where = module != null ? "at " + module.declRange() : "in check \"" + owner + "\"";
                    diagnostics.add(Diagnostic.error(
                            "Duplicate data \"" + r.type() + "\" configuration",
                            "A "
                                    + r.type() + " data resource named \"" + r.name() + "\" was already declared "
                                    + where
                                    + ". Resource names must be unique per type in each module.",
                            d.declRange()));
                }
            }
        }
    }
}
