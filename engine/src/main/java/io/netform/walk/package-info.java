/**
 * What plan and apply share in a walk of the configuration: the walk's context, providers and values,
 * targeting, expression scopes, the decoding of configuration against a schema, custom conditions and
 * check blocks, and the per-instance steps both take (ignore_changes, the proposed new state, the
 * provider's plan contract).
 */
package io.netform.walk;
