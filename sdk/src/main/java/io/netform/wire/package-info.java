/**
 * tfplugin6's message forms, written by providers and read by the engine with the same code: values
 * as DynamicValues, attribute paths and diagnostics.
 */
package io.netform.wire;
