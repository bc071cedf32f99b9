/**
 * The framework Netform providers are written with: the {@link io.netform.provider.Provider},
 * {@link io.netform.provider.ResourceType} and {@link io.netform.provider.DataSource} interfaces,
 * whose schemas are written in {@code io.netform.wire}'s schema model and its withers, and the
 * tfplugin6 service that serves them under the protocol's plan/apply contract
 * ({@link io.netform.provider.ProviderService}, started by {@link io.netform.provider.ProviderServer}).
 */
package io.netform.provider;
