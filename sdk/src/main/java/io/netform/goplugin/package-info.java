/**
 * HashiCorp go-plugin, the way Terraform uses it: the plugin side ({@link
 * io.netform.goplugin.PluginServer}) and the host side ({@link io.netform.goplugin.PluginClient})
 * of the launch handshake, AutoMTLS, the Unix-socket gRPC transport, health, shutdown, stdio and
 * the plugin's hclog log lines. It knows nothing about providers: the application service is a
 * parameter.
 */
package io.netform.goplugin;
