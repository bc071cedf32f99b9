package io.netform.goplugin;

import java.nio.file.Path;
import java.util.Objects;

/** Where a plugin's gRPC server listens, in the two forms go-plugin's handshake can name. */
public sealed interface PluginAddress {

    /** The handshake's network field: {@code unix} or {@code tcp}. */
    String network();

    /** The handshake's address field. */
    String address();

    /** A Unix domain socket, go-plugin's default outside Windows. */
    record UnixSocket(Path path) implements PluginAddress {
        public UnixSocket {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String network() {
            return "unix";
        }

        @Override
        public String address() {
            return path.toString();
        }
    }

    /** A TCP port on the loopback interface. */
    record Tcp(String host, int port) implements PluginAddress {
        public Tcp {
            Objects.requireNonNull(host, "host");
        }

        @Override
        public String network() {
            return "tcp";
        }

        @Override
        public String address() {
            return host + ":" + port;
        }
    }
}
