/**
 * How a resource's attributes travel to and from NSX JSON: {@link io.netform.nsxt.schema.Field}s
 * (scalars, string lists, nested blocks, custom mappings) gathered in
 * {@link io.netform.nsxt.schema.ObjectFields}, which give both the Terraform schema block and the
 * conversions, so that each mapping is written once.
 */
package io.netform.nsxt.schema;
