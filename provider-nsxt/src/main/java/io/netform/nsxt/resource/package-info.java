/**
 * The NSX resource types: {@link io.netform.nsxt.resource.PolicyResource}, the one lifecycle
 * (create with PATCH, read with a 404 meaning gone, update, delete waiting out references, import by
 * id or path) shared by every type, and one small class per type that declares its schema, its
 * path and its mapping to NSX JSON.
 */
package io.netform.nsxt.resource;
