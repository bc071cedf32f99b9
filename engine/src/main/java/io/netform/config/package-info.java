/**
 * Configuration: the {@code .tf} files of a directory decoded into a {@link io.netform.config.Module}
 * (variables, locals, outputs, providers, resources, data sources, module calls, check blocks,
 * settings), child modules loaded recursively, the values of input variables from every source
 * Terraform reads, and the evaluation of custom conditions (validations, pre/postconditions, asserts).
 */
package io.netform.config;
