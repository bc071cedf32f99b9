package io.netform.goplugin;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The single line a plugin prints on stdout once it listens:
 * {@code CORE|APP|NETWORK|ADDRESS|PROTOCOL|SERVERCERT}.
 *
 * @param serverCertificate the plugin's AutoMTLS certificate as unpadded base64 DER, or empty
 */
public record HandshakeLine(
        int coreVersion, int appVersion, PluginAddress address, String protocol, String serverCertificate) {

    /** go-plugin's core protocol version; hosts reject every other value. */
    public static final int CORE_PROTOCOL_VERSION = 1;

    /** The only wire protocol Terraform allows. */
    public static final String GRPC = "grpc";

    /**
     * go-plugin only reads the certificate field when it is longer than this, because older
     * plugins put other data there.
     */
    private static final int MIN_CERTIFICATE_FIELD_LENGTH = 51;

    public HandshakeLine {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(serverCertificate, "serverCertificate");
    }

    /** The line as printed, without the trailing newline. */
    public String format() {
        return String.join(
                "|",
                String.valueOf(coreVersion),
                String.valueOf(appVersion),
                address.network(),
                address.address(),
                protocol,
                serverCertificate);
    }

    /** True when the plugin announced a certificate for AutoMTLS. */
    public boolean hasServerCertificate() {
        return serverCertificate.length() >= MIN_CERTIFICATE_FIELD_LENGTH;
    }

    /**
     * Reads a handshake line the way go-plugin's client does (at least four fields; the protocol
     * defaults to net/rpc when absent).
     *
     * @throws IllegalArgumentException saying what is wrong with the line
     */
    public static HandshakeLine parse(String line) {
        String[] parts = line.strip().split("\\|", -1);
        if (parts.length < 4) {
            throw new IllegalArgumentException(
                    "expected CORE|APP|NETWORK|ADDRESS|PROTOCOL|CERT but found " + parts.length + " field(s)");
        }
        int core = parseNumber(parts[0], "core protocol version");
        int app = parseNumber(parts[1], "application protocol version");
        PluginAddress address = parseAddress(parts[2], parts[3]);
        String protocol = parts.length > 4 ? parts[4] : "netrpc";
        String certificate = parts.length > 5 ? parts[5] : "";
        return new HandshakeLine(core, app, address, protocol, certificate);
    }

    private static int parseNumber(String text, String what) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("the " + what + " '" + text + "' is not a number");
        }
    }

    private static PluginAddress parseAddress(String network, String address) {
        switch (network) {
            case "unix":
                return new PluginAddress.UnixSocket(Path.of(address));
            case "tcp":
                int colon = address.lastIndexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException("the TCP address '" + address + "' has no port");
                }
                return new PluginAddress.Tcp(
                        address.substring(0, colon), parseNumber(address.substring(colon + 1), "TCP port"));
            default:
                throw new IllegalArgumentException("unknown network type '" + network + "'");
        }
    }
}
