// Command goplugin-host launches a go-plugin gRPC plugin with HashiCorp's own client library,
// checks its health, shuts it down and reports each step on stdout, one "ok" line per step.
//
// Usage: goplugin-host [-automtls=false] COMMAND [ARG...]
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"

	hclog "github.com/hashicorp/go-hclog"
	plugin "github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"
)

// emptyPlugin registers nothing: the test exercises go-plugin's own protocol only.
type emptyPlugin struct {
	plugin.NetRPCUnsupportedPlugin
}

func (emptyPlugin) GRPCServer(*plugin.GRPCBroker, *grpc.Server) error {
	return nil
}

func (emptyPlugin) GRPCClient(context.Context, *plugin.GRPCBroker, *grpc.ClientConn) (interface{}, error) {
	return struct{}{}, nil
}

// recordingWriter keeps a copy of the host's log, so that the program can tell whether go-plugin
// had to kill the plugin.
type recordingWriter struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (w *recordingWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Write(p)
}

func (w *recordingWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

func main() {
	autoMTLS := flag.Bool("automtls", true, "negotiate mutual TLS with the plugin")
	flag.Parse()
	if flag.NArg() == 0 {
		fail("usage", fmt.Errorf("a plugin command is required"))
	}

	hostLog := &recordingWriter{}
	client := plugin.NewClient(&plugin.ClientConfig{
		HandshakeConfig: plugin.HandshakeConfig{
			ProtocolVersion:  6,
			MagicCookieKey:   "TF_PLUGIN_MAGIC_COOKIE",
			MagicCookieValue: "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2",
		},
		Plugins:          plugin.PluginSet{"provider": emptyPlugin{}},
		Cmd:              exec.Command(flag.Arg(0), flag.Args()[1:]...),
		AllowedProtocols: []plugin.Protocol{plugin.ProtocolGRPC},
		AutoMTLS:         *autoMTLS,
		Logger: hclog.New(&hclog.LoggerOptions{
			Name:   "goplugin-host",
			Output: io.MultiWriter(os.Stderr, hostLog),
			Level:  hclog.Debug,
		}),
	})
	rpcClient, err := client.Client()
	if err != nil {
		client.Kill()
		fail("handshake", err)
	}
	fmt.Printf("handshake ok protocol=%d\n", client.NegotiatedVersion())

	if err := rpcClient.Ping(); err != nil {
		client.Kill()
		fail("health check", err)
	}
	fmt.Println("health check ok")

	// Kill is what Terraform calls: GRPCController.Shutdown, two seconds' grace, then a kill.
	client.Kill()
	if strings.Contains(hostLog.String(), "plugin failed to exit gracefully") {
		fail("shutdown", fmt.Errorf("go-plugin had to kill the plugin"))
	}
	if !client.Exited() {
		fail("shutdown", fmt.Errorf("the plugin is still running"))
	}
	fmt.Println("shutdown ok")
}

func fail(step string, err error) {
	fmt.Printf("%s failed: %v\n", step, err)
	os.Exit(1)
}
