package io.netform.lang.function;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * RFC 3339 timestamps as Go's {@code time.Parse(time.RFC3339, ...)} reads them, with cty's
 * wording for what went wrong, and as Go's {@code Format(time.RFC3339)} writes them.
 */
final class Rfc3339 {
    private static final DateTimeFormatter OUTPUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private final String text;
    private int pos;

    private Rfc3339(String text) {
        this.text = text;
    }

    static String format(OffsetDateTime t) {
        return OUTPUT.format(t);
    }

    static OffsetDateTime parse(String text) throws FunctionException {
        return new Rfc3339(text).timestamp();
    }

    private OffsetDateTime timestamp() throws FunctionException {
        int year = digits(4, 4, "year");
        literal("-");
        int month = digits(2, 2, "month");
        literal("-");
        int day = digits(2, 2, "day of month");
        if (pos >= text.length() || text.charAt(pos) != 'T') {
            throw invalid(": missing required time introducer 'T'");
        }
        pos++;
        int hour = digits(1, 2, "hour");
        literal(":");
        int minute = digits(2, 2, "minute");
        literal(":");
        int second = digits(2, 2, "second");
        int nanos = fraction();
        ZoneOffset offset = offset();
        if (pos < text.length()) {
            throw invalid(": extra text: " + GoText.quote(text.substring(pos)));
        }
        if (month < 1 || month > 12) {
            throw invalid(": month out of range");
        }
        if (hour > 23) {
            throw invalid(": hour out of range");
        }
        if (minute > 59) {
            throw invalid(": minute out of range");
        }
        if (second > 59) {
            throw invalid(": second out of range");
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (DateTimeException e) {
            throw invalid(": day out of range");
        }
    }

    private static FunctionException invalid(String message) {
        return new FunctionException("not a valid RFC3339 timestamp" + message);
    }

    private int digits(int min, int max, String what) throws FunctionException {
        int start = pos;
        while (pos < text.length()
                && pos - start < max
                && Character.isDigit(text.charAt(pos))
                && text.charAt(pos) < 0x80) {
            pos++;
        }
        if (pos - start < min) {
            String rest = text.substring(start);
            pos = start;
            throw invalid(
                    rest.isEmpty()
                            ? ": end of string before " + what
                            : ": cannot use " + GoText.quote(rest) + " as " + what);
        }
        return Integer.parseInt(text.substring(start, pos));
    }

    private void literal(String expected) throws FunctionException {
        if (!text.startsWith(expected, pos)) {
            String rest = text.substring(pos);
            throw invalid(
                    rest.isEmpty()
                            ? ": end of string where " + GoText.quote(expected) + " is expected"
                            : ": found " + GoText.quote(rest) + " where " + GoText.quote(expected) + " is expected");
        }
        pos += expected.length();
    }

    /** Go accepts fractional seconds after the seconds even though the layout has none. */
    private int fraction() {
        if (pos + 1 >= text.length() || text.charAt(pos) != '.' || !Character.isDigit(text.charAt(pos + 1))) {
            return 0;
        }
        int start = ++pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        String digits = (text.substring(start, pos) + "000000000").substring(0, 9);
        return Integer.parseInt(digits);
    }

    private ZoneOffset offset() throws FunctionException {
        if (pos < text.length() && text.charAt(pos) == 'Z') {
            pos++;
            return ZoneOffset.UTC;
        }
        String rest = text.substring(pos);
        if (!rest.matches("[+-]\\d\\d:\\d\\d.*")) {
            throw invalid(
                    rest.isEmpty()
                            ? ": end of string before UTC offset"
                            : ": cannot use " + GoText.quote(rest) + " as UTC offset");
        }
        int hours = Integer.parseInt(rest.substring(1, 3));
        int minutes = Integer.parseInt(rest.substring(4, 6));
        pos += 6;
        int seconds = (hours * 3600 + minutes * 60) * (rest.charAt(0) == '-' ? -1 : 1);
        try {
            return ZoneOffset.ofTotalSeconds(seconds);
        } catch (DateTimeException e) {
            throw invalid(": time zone offset out of range");
        }
    }
}
