/**
 * The engine's operations as an API: load, validate, plan, apply, destroy, refresh and import, each
 * returning its value with its diagnostics. Providers come from a {@link io.netform.core.ProviderFactory}
 * (plugin processes, or providers served in-process over gRPC), state from a
 * {@link io.netform.core.StateBackend}; progress goes to {@link io.netform.core.OperationHooks} and Ctrl-C
 * arrives as a {@link io.netform.core.Cancellation}. Every command, {@code netform test} and any other
 * front end drive the engine through it; nothing here prints.
 */
package io.netform.core;
