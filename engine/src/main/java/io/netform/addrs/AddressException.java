package io.netform.addrs;

/** An address that cannot be parsed; the message names the address and the column. */
public final class AddressException extends IllegalArgumentException {

    private final String address;
    private final int column;

    AddressException(String address, int offset, String reason) {
        super("Invalid address \"" + address + "\" at column " + (offset + 1) + ": " + reason);
        this.address = address;
        this.column = offset + 1;
    }

    /** The text that was given. */
    public String address() {
        return address;
    }

    /** The 1-based column where parsing failed. */
    public int column() {
        return column;
    }
}
