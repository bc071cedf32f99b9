/**
 * The {@code nsxt} provider plugin: its configuration (manager address, credentials, TLS, retries,
 * or the embedded simulator) and the catalogue of its resource types and data sources.
 */
package io.netform.nsxt;
