package io.netform.config;

import io.netform.hcl.Attribute;
import io.netform.hcl.Block;
import io.netform.hcl.Body;
import io.netform.hcl.BodyItem;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a block body that a decoder asked for: attributes by name, nested blocks in source
 * order, and (for partial decoding) the items it left for someone else, such as a provider's schema.
 */
record BodyContent(Map<String, Attribute> attributes, List<Block> blocks, Body remaining) {

    Optional<Attribute> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    List<Block> blocks(String type) {
        return blocks.stream().filter(b -> b.type().equals(type)).toList();
    }

    static Body bodyOf(List<BodyItem> items, Body original) {
        return new Body(items, original.range());
    }
}
