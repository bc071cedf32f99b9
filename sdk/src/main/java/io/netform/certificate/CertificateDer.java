package io.netform.certificate;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The DER encoding (X.509 v3, RFC 5280) of a self-signed ECDSA certificate: go-plugin's AutoMTLS
 * certificates and the NSX simulator's server certificate. Written by hand because the JDK has no
 * public certificate builder and a library for it costs a plugin hundreds of milliseconds of
 * start-up.
 */
public final class CertificateDer {

    private static final int INTEGER = 0x02;
    private static final int BIT_STRING = 0x03;
    private static final int OCTET_STRING = 0x04;
    private static final int OBJECT_IDENTIFIER = 0x06;
    private static final int UTF8_STRING = 0x0c;
    private static final int UTC_TIME = 0x17;
    private static final int GENERALIZED_TIME = 0x18;
    private static final int SEQUENCE = 0x30;
    private static final int SET = 0x31;
    private static final int EXPLICIT_0 = 0xa0;
    private static final int EXPLICIT_3 = 0xa3;
    private static final int DNS_NAME = 0x82;
    private static final int IP_ADDRESS = 0x87;

    private static final byte[] BOOLEAN_TRUE = {0x01, 0x01, (byte) 0xff};
    private static final String ECDSA_WITH_SHA512 = "1.2.840.10045.4.3.4";
    private static final String ORGANIZATION = "2.5.4.10";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String EXT_KEY_USAGE = "2.5.29.37";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    /**
     * digitalSignature, keyEncipherment, keyAgreement and keyCertSign (bits 0, 2, 4, 5): a BIT
     * STRING of one byte whose two last bits are unused.
     */
    private static final byte[] KEY_USAGE_BITS = {BIT_STRING, 0x02, 0x02, (byte) 0xac};

    /** RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050 on. */
    private static final int LAST_UTC_TIME_YEAR = 2049;

    private static final DateTimeFormatter UTC_TIME_FORMAT = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");
    private static final DateTimeFormatter GENERALIZED_TIME_FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");

    private CertificateDer() {}

    /**
     * A certificate for the subject (subject and issuer {@code O=organization, CN=commonName}, its
     * names as subject alternative names), signed with SHA512withECDSA by the key pair's own private key.
     */
    public static byte[] selfSigned(
            KeyPair keys, BigInteger serial, Instant notBefore, Instant notAfter, CertificateSubject subject)
            throws GeneralSecurityException {
        byte[] name = name(subject.organization(), subject.commonName());
        byte[] algorithm = tlv(SEQUENCE, oid(ECDSA_WITH_SHA512));
        byte[] tbs = tlv(
                SEQUENCE,
                tlv(EXPLICIT_0, tlv(INTEGER, new byte[] {2})),
                tlv(INTEGER, serial.toByteArray()),
                algorithm,
                name,
                tlv(SEQUENCE, time(notBefore), time(notAfter)),
                name,
                keys.getPublic().getEncoded(),
                tlv(EXPLICIT_3, tlv(SEQUENCE, extensions(subject))));
        Signature signer = Signature.getInstance("SHA512withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(tbs);
        return tlv(SEQUENCE, tbs, algorithm, bitString(signer.sign()));
    }

    /** A CA (as go-plugin's) may sign and authenticate either end; an end entity says only that it is no CA. */
    private static byte[][] extensions(CertificateSubject subject) {
        byte[] names = tlv(SEQUENCE, alternativeNames(subject));
        if (!subject.authority()) {
            return new byte[][] {
                extension(SUBJECT_ALT_NAME, false, names), extension(BASIC_CONSTRAINTS, true, tlv(SEQUENCE)),
            };
        }
        return new byte[][] {
            extension(KEY_USAGE, true, KEY_USAGE_BITS),
            extension(BASIC_CONSTRAINTS, true, tlv(SEQUENCE, BOOLEAN_TRUE)),
            extension(EXT_KEY_USAGE, false, tlv(SEQUENCE, oid(CLIENT_AUTH), oid(SERVER_AUTH))),
            extension(SUBJECT_ALT_NAME, false, names),
        };
    }

    private static byte[][] alternativeNames(CertificateSubject subject) {
        List<byte[]> names = new ArrayList<>();
        subject.dnsNames().forEach(dns -> names.add(tlv(DNS_NAME, ascii(dns))));
        subject.ipAddresses().forEach(ip -> names.add(tlv(IP_ADDRESS, ip.getAddress())));
        return names.toArray(byte[][]::new);
    }

    private static byte[] extension(String id, boolean critical, byte[] value) {
        return critical
                ? tlv(SEQUENCE, oid(id), BOOLEAN_TRUE, tlv(OCTET_STRING, value))
                : tlv(SEQUENCE, oid(id), tlv(OCTET_STRING, value));
    }

    private static byte[] name(String organization, String commonName) {
        return tlv(SEQUENCE, relativeName(ORGANIZATION, organization), relativeName(COMMON_NAME, commonName));
    }

    private static byte[] relativeName(String type, String value) {
        return tlv(SET, tlv(SEQUENCE, oid(type), tlv(UTF8_STRING, value.getBytes(StandardCharsets.UTF_8))));
    }

    private static byte[] time(Instant instant) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        return utc.getYear() <= LAST_UTC_TIME_YEAR
                ? tlv(UTC_TIME, ascii(UTC_TIME_FORMAT.format(utc)))
                : tlv(GENERALIZED_TIME, ascii(GENERALIZED_TIME_FORMAT.format(utc)));
    }

    private static byte[] bitString(byte[] bytes) {
        byte[] content = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, content, 1, bytes.length);
        return tlv(BIT_STRING, content);
    }

    /** An OBJECT IDENTIFIER: the first two arcs in one byte, each further arc in base 128. */
    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long arc = Long.parseLong(arcs[i]);
            int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(arc) + 6) / 7);
            for (int group = groups - 1; group >= 0; group--) {
                int bits = (int) (arc >>> (7 * group)) & 0x7f;
                out.write(group == 0 ? bits : bits | 0x80);
            }
        }
        return tlv(OBJECT_IDENTIFIER, out.toByteArray());
    }

    /** A type-length-value with the DER length form: short below 128 bytes, long above. */
    static byte[] tlv(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        int length = content.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 6);
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else {
            int lengthBytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | lengthBytes);
            for (int i = lengthBytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
