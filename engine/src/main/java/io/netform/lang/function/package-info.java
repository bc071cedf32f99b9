/**
 * Terraform's built-in functions on the value model: the calling convention (typed parameters,
 * argument conversion, unknown and mark propagation, Terraform-worded errors) and one class per
 * family of functions, gathered by {@link io.netform.lang.function.FunctionRegistry}; and the functions
 * only the console offers, in {@link io.netform.lang.function.ConsoleFunctions}. An expression calls
 * them through {@link io.netform.lang.function.Functions}.
 */
package io.netform.lang.function;
