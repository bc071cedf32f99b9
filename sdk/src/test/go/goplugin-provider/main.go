// Command goplugin-provider is a go-plugin gRPC server built with HashiCorp's own library. It
// serves only go-plugin's built-in services (health, controller, broker) and logs hclog JSON.
package main

import (
	"context"
	"os"

	hclog "github.com/hashicorp/go-hclog"
	plugin "github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"
)

type emptyPlugin struct {
	plugin.NetRPCUnsupportedPlugin
}

func (emptyPlugin) GRPCServer(*plugin.GRPCBroker, *grpc.Server) error {
	return nil
}

func (emptyPlugin) GRPCClient(context.Context, *plugin.GRPCBroker, *grpc.ClientConn) (interface{}, error) {
	return struct{}{}, nil
}

func main() {
	plugin.Serve(&plugin.ServeConfig{
		HandshakeConfig: plugin.HandshakeConfig{
			ProtocolVersion:  6,
			MagicCookieKey:   "TF_PLUGIN_MAGIC_COOKIE",
			MagicCookieValue: "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2",
		},
		Plugins:    plugin.PluginSet{"provider": emptyPlugin{}},
		GRPCServer: plugin.DefaultGRPCServer,
		Logger: hclog.New(&hclog.LoggerOptions{
			Name:       "goplugin-provider",
			Output:     os.Stderr,
			Level:      hclog.Debug,
			JSONFormat: true,
		}),
	})
}
