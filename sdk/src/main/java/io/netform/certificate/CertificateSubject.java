package io.netform.certificate;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * Whom a self-signed certificate names and what it may do.
 *
 * @param commonName the subject's CN
 * @param organization the subject's O
 * @param dnsNames host names it is valid for
 * @param ipAddresses addresses it is valid for
 * @param authority whether it is a CA usable for client and server authentication, as go-plugin's
 *     AutoMTLS certificates are, rather than a plain server certificate
 */
public record CertificateSubject(
        String commonName,
        String organization,
        List<String> dnsNames,
        List<InetAddress> ipAddresses,
        boolean authority) {

    public CertificateSubject {
        Objects.requireNonNull(commonName, "commonName");
        Objects.requireNonNull(organization, "organization");
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
    }
}
