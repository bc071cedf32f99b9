package io.netform.hcl;

import java.math.BigDecimal;
import java.util.List;

/** A value of a JSON document with where it is written, as {@link JsonReader} reads it. */
sealed interface JsonNode {

    /** Where the whole value is written. */
    SourceRange range();

    /** A string; {@code contentStart} is where its first character (after the quote) is written. */
    record Str(String value, SourcePos contentStart, SourceRange range) implements JsonNode {}

    /** A number, kept exact. */
    record Num(BigDecimal value, SourceRange range) implements JsonNode {}

    /** {@code true} or {@code false}. */
    record Bool(boolean value, SourceRange range) implements JsonNode {}

    /** {@code null}. */
    record Null(SourceRange range) implements JsonNode {}

    /** An array. */
    record Array(List<JsonNode> elements, SourceRange range) implements JsonNode {
        /** Copies {@code elements} so the node is immutable. */
        public Array {
            elements = List.copyOf(elements);
        }
    }

    /** An object, its properties in source order (duplicates kept: the decoder reports them in context). */
    record Obj(List<Property> properties, SourceRange range) implements JsonNode {
        /** Copies {@code properties} so the node is immutable. */
        public Obj {
            properties = List.copyOf(properties);
        }
    }

    /** One {@code "name": value} of an object. */
    record Property(Str name, JsonNode value) {}
}
