/**
 * The NSX data sources: {@link io.netform.nsxt.data.SearchDataSource}, which finds one object
 * through the search API by ID or display name as terraform-provider-nsxt does, and the types built
 * on it.
 */
package io.netform.nsxt.data;
