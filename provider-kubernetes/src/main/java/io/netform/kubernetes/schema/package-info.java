/**
 * Kubernetes's JSON form for the shared {@link io.netform.field.Fields} (parsed JSON maps, {@link
 * io.netform.kubernetes.schema.PlainObjects}) and the blocks every kind shares: metadata, label
 * selectors, and the empty collections the API server drops.
 */
package io.netform.kubernetes.schema;
