package io.netform.lang.function;

import java.math.BigInteger;

/**
 * An IPv4 or IPv6 network prefix, parsed and printed as Terraform does (Go 1.16's net package:
 * IPv4 octets may have leading zeros and are read as decimal; IPv6 is printed compressed).
 *
 * @param address the network address with its host bits zeroed
 * @param length the prefix length in bits
 * @param bits 32 for IPv4, 128 for IPv6
 */
record IpPrefix(BigInteger address, int length, int bits) {
    private static final int DTOI_LIMIT = 0xFFFFFF;

    /** Parses {@code a.b.c.d/n} or {@code x::y/n}; the message is Go's ParseError. */
    static IpPrefix parse(String s) {
        int slash = s.indexOf('/');
        IllegalArgumentException invalid = new IllegalArgumentException("invalid CIDR address: " + s);
        if (slash < 0) {
            throw invalid;
        }
        String addr = s.substring(0, slash);
        String mask = s.substring(slash + 1);
        int bits = 32;
        byte[] ip = parseIpv4(addr);
        if (ip == null) {
            bits = 128;
            ip = parseIpv6(addr);
        }
        int[] n = decimal(mask);
        if (ip == null || n == null || n[1] != mask.length() || n[0] > bits) {
            throw invalid;
        }
        return new IpPrefix(new BigInteger(1, ip), n[0], bits).masked();
    }

    /** A single address ({@code a.b.c.d} or {@code x::y}) as a full-length prefix, or null if it is none. */
    static IpPrefix parseAddress(String s) {
        byte[] ip = parseIpv4(s);
        if (ip != null) {
            return new IpPrefix(new BigInteger(1, ip), 32, 32);
        }
        ip = parseIpv6(s);
        return ip == null ? null : new IpPrefix(new BigInteger(1, ip), 128, 128);
    }

    /** This prefix with the host bits cleared. */
    IpPrefix masked() {
        return new IpPrefix(address.and(mask()), length, bits);
    }

    BigInteger mask() {
        return allOnes(bits).xor(allOnes(bits - length));
    }

    static BigInteger allOnes(int n) {
        return BigInteger.ONE.shiftLeft(n).subtract(BigInteger.ONE);
    }

    /** The last address of the range. */
    BigInteger last() {
        return address.or(allOnes(bits - length));
    }

    boolean contains(BigInteger ip) {
        return ip.and(mask()).equals(address);
    }

    @Override
    public String toString() {
        return format(address, bits) + "/" + length;
    }

    /** Go's net.IP.String for an address of {@code bits} bits. */
    static String format(BigInteger ip, int bits) {
        byte[] b = toBytes(ip, bits / 8);
        if (bits == 32) {
            return (b[0] & 0xFF) + "." + (b[1] & 0xFF) + "." + (b[2] & 0xFF) + "." + (b[3] & 0xFF);
        }
        boolean mapped = ip.shiftRight(32).equals(BigInteger.valueOf(0xFFFF));
        if (mapped) {
            return format(ip.and(allOnes(32)), 32);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
        }
        int bestStart = -1;
        int bestEnd = -1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestEnd - bestStart) {
                bestStart = i;
                bestEnd = j;
            }
            i = Math.max(i, j);
        }
        if (bestEnd - bestStart <= 1) {
            bestStart = -1;
            bestEnd = -1;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i = bestEnd - 1;
                continue;
            }
            if (i > 0 && i != bestEnd) {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    private static byte[] toBytes(BigInteger ip, int length) {
        byte[] raw = ip.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }

    /** Go's dtoi: the value and how many characters it used, or null if there are no digits. */
    private static int[] decimal(String s) {
        int n = 0;
        int i = 0;
        for (; i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
            n = n * 10 + (s.charAt(i) - '0');
            if (n >= DTOI_LIMIT) {
                return null;
            }
        }
        return i == 0 ? null : new int[] {n, i};
    }

    private static int[] hex(String s) {
        int n = 0;
        int i = 0;
        for (; i < s.length() && Character.digit(s.charAt(i), 16) >= 0; i++) {
            n = n * 16 + Character.digit(s.charAt(i), 16);
            if (n >= DTOI_LIMIT) {
                return null;
            }
        }
        return i == 0 ? null : new int[] {n, i};
    }

    static byte[] parseIpv4(String s) {
        byte[] out = new byte[4];
        String rest = s;
        for (int i = 0; i < 4; i++) {
            if (rest.isEmpty()) {
                return null;
            }
            if (i > 0) {
                if (rest.charAt(0) != '.') {
                    return null;
                }
                rest = rest.substring(1);
            }
            int[] n = decimal(rest);
            if (n == null || n[0] > 0xFF) {
                return null;
            }
            rest = rest.substring(n[1]);
            out[i] = (byte) n[0];
        }
        return rest.isEmpty() ? out : null;
    }

    static byte[] parseIpv6(String s) {
        byte[] ip = new byte[16];
        int ellipsis = -1;
        String rest = s;
        if (rest.startsWith("::")) {
            ellipsis = 0;
            rest = rest.substring(2);
            if (rest.isEmpty()) {
                return ip;
            }
        }
        int i = 0;
        while (i < 16) {
            int[] n = hex(rest);
            if (n == null || n[0] > 0xFFFF) {
                return null;
            }
            if (n[1] < rest.length() && rest.charAt(n[1]) == '.') {
                if ((ellipsis < 0 && i != 12) || i + 4 > 16) {
                    return null;
                }
                byte[] v4 = parseIpv4(rest);
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 0, ip, i, 4);
                rest = "";
                i += 4;
                break;
            }
            ip[i] = (byte) (n[0] >> 8);
            ip[i + 1] = (byte) n[0];
            i += 2;
            rest = rest.substring(n[1]);
            if (rest.isEmpty()) {
                break;
            }
            if (rest.charAt(0) != ':' || rest.length() == 1) {
                return null;
            }
            rest = rest.substring(1);
            if (rest.charAt(0) == ':') {
                if (ellipsis >= 0) {
                    return null;
                }
                ellipsis = i;
                rest = rest.substring(1);
                if (rest.isEmpty()) {
                    break;
                }
            }
        }
        if (!rest.isEmpty()) {
            return null;
        }
        if (i < 16) {
            if (ellipsis < 0) {
                return null;
            }
            int shift = 16 - i;
            for (int j = i - 1; j >= ellipsis; j--) {
                ip[j + shift] = ip[j];
            }
            for (int j = ellipsis + shift - 1; j >= ellipsis; j--) {
                ip[j] = 0;
            }
        } else if (ellipsis >= 0) {
            return null;
        }
        return ip;
    }
}
