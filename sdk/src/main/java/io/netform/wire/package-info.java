/**
 * tfplugin6's message forms, written by providers and read by the engine with the same code, both
 * ways: values as DynamicValues ({@link io.netform.wire.DynamicValues}), schemas and function
 * signatures ({@link io.netform.wire.SchemaMessages}, the one schema model of
 * {@link io.netform.wire.ProviderSchema}, {@link io.netform.wire.Schema},
 * {@link io.netform.wire.SchemaBlock}, {@link io.netform.wire.SchemaAttribute},
 * {@link io.netform.wire.NestedBlock} and {@link io.netform.wire.FunctionSignature}), attribute
 * paths and diagnostics.
 */
package io.netform.wire;
