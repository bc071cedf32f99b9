/**
 * How a resource's attributes travel to and from a provider's JSON objects: {@link
 * io.netform.field.Field}s (values, nested blocks, custom mappings, attributes kept only in state)
 * gathered in {@link io.netform.field.Fields}, which give both the schema block and the
 * conversions, so that each mapping is written once; a provider supplies its JSON form as {@link
 * io.netform.field.JsonObjects}.
 */
package io.netform.field;
