package io.netform.config;

import io.netform.hcl.Attribute;
import io.netform.hcl.Block;
import io.netform.hcl.Body;
import io.netform.hcl.BodyItem;
import io.netform.hcl.Diagnostic;
import io.netform.lang.NameSuggestion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a block body against what may appear in it: which attributes (and which are required),
 * which nested block types and how many labels each takes. Reports HCL's diagnostics for anything
 * else, with a "did you mean" where a name is close to an expected one.
 */
final class BodyDecoder {

    private final Set<String> attributes;
    private final Set<String> required;
    private final Map<String, Integer> blockLabels;
    private final boolean partial;

    private BodyDecoder(
            Set<String> attributes, Set<String> required, Map<String, Integer> blockLabels, boolean partial) {
        this.attributes = attributes;
        this.required = required;
        this.blockLabels = blockLabels;
        this.partial = partial;
    }

    /** A decoder that rejects anything not listed. */
    static BodyDecoder of(Set<String> attributes, Set<String> required, Map<String, Integer> blockLabels) {
        return new BodyDecoder(attributes, required, blockLabels, false);
    }

    /** A decoder that takes what is listed and leaves everything else in {@link BodyContent#remaining}. */
    static BodyDecoder partial(Set<String> attributes, Map<String, Integer> blockLabels) {
        return new BodyDecoder(attributes, Set.of(), blockLabels, true);
    }

    BodyContent decode(Body body, String where, List<Diagnostic> diagnostics) {
        Map<String, Attribute> found = new LinkedHashMap<>();
        List<Block> blocks = new ArrayList<>();
        List<BodyItem> rest = new ArrayList<>();
        for (BodyItem item : body.items()) {
            if (item instanceof Attribute a) {
                if (!attributes.contains(a.name())) {
                    if (partial) {
                        rest.add(a);
                    } else {
                        diagnostics.add(Diagnostic.error(
                                "Unsupported argument",
                                "An argument named \"" + a.name() + "\" is not expected here."
                                        + NameSuggestion.didYouMean(a.name(), attributes),
                                a.nameRange()));
                    }
                    continue;
                }
                Attribute earlier = found.putIfAbsent(a.name(), a);
                if (earlier != null) {
                    diagnostics.add(Diagnostic.error(
                            "Duplicate argument",
                            "The argument \"" + a.name() + "\" was already set at " + earlier.nameRange()
                                    + ". Each argument may be set only once.",
                            a.nameRange()));
                }
            } else if (item instanceof Block b) {
                Integer labels = blockLabels.get(b.type());
                if (labels == null) {
                    if (partial) {
                        rest.add(b);
                    } else {
                        diagnostics.add(Diagnostic.error(
                                "Unsupported block type",
                                "Blocks of type \"" + b.type()
                                        + "\" are not expected here."
                                        + NameSuggestion.didYouMean(b.type(), blockLabels.keySet()),
                                b.typeRange()));
                    }
                    continue;
                }
                if (checkLabels(b, labels, diagnostics)) {
                    blocks.add(b);
                }
            }
        }
        for (String name : required) {
            if (!found.containsKey(name)) {
                diagnostics.add(Diagnostic.error(
                        "Missing required argument",
                        "The argument \"" + name + "\" is required, but no definition was found.",
                        body.range()));
            }
        }
        return new BodyContent(found, blocks, BodyContent.bodyOf(rest, body));
    }

    private static boolean checkLabels(Block b, int expected, List<Diagnostic> diagnostics) {
        if (b.labels().size() == expected) {
            return true;
        }
        if (b.labels().size() > expected) {
            diagnostics.add(Diagnostic.error(
                    "Extraneous label for " + b.type(),
                    "Only " + expected + " label"
                            + (expected == 1 ? "" : "s") + " (" + labelWord(expected) + ") may be given for a "
                            + b.type()
                            + " block.",
                    b.labels().get(expected).range()));
        } else {
            diagnostics.add(Diagnostic.error(
                    "Missing " + labelWord(expected) + " for " + b.type(),
                    "All " + b.type() + " blocks must have " + expected + " label" + (expected == 1 ? "" : "s") + ".",
                    b.openBraceRange()));
        }
        return false;
    }

    private static String labelWord(int n) {
        return n == 1 ? "name" : n + " labels";
    }
}
