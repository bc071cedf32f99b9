/**
 * Configuration: the {@code .tf} files of a directory decoded into a {@link io.netform.config.Module}
 * (variables, locals, outputs, providers, resources, data sources, module calls, settings), child
 * modules loaded recursively, and the values of input variables from every source Terraform reads.
 */
package io.netform.config;
