/**
 * NSX's JSON form for the shared {@link io.netform.field.Fields}: Jackson object nodes ({@link
 * io.netform.nsxt.schema.JsonNodes}) and NSX's primitive conversions ({@link
 * io.netform.nsxt.schema.JsonValues}, integers sent as 5, not 5.0).
 */
package io.netform.nsxt.schema;
