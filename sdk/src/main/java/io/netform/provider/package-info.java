/**
 * The framework Netform providers are written with: a schema DSL ({@link io.netform.provider.Schema},
 * {@link io.netform.provider.SchemaBlock}, {@link io.netform.provider.SchemaAttribute},
 * {@link io.netform.provider.NestedBlock}), the {@link io.netform.provider.Provider},
 * {@link io.netform.provider.ResourceType} and {@link io.netform.provider.DataSource} interfaces, and
 * the tfplugin6 service that serves them under the protocol's plan/apply contract
 * ({@link io.netform.provider.ProviderService}, started by {@link io.netform.provider.ProviderServer}).
 */
package io.netform.provider;
