package io.netform.lang.function;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** Go's time.ParseDuration: {@code [-+]?(number unit)+} with units ns us µs ms s m h. */
final class GoDuration {
    private static final Map<String, Long> UNITS = Map.of(
            "ns",
            1L,
            "us",
            1_000L,
            "µs",
            1_000L,
            "μs",
            1_000L,
            "ms",
            1_000_000L,
            "s",
            1_000_000_000L,
            "m",
            60_000_000_000L,
            "h",
            3_600_000_000_000L);
    private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private GoDuration() {}

    /** The duration in nanoseconds; errors are worded as Go's and fail argument 1. */
    static BigDecimal parseNanos(String s) throws FunctionException {
        String quoted = GoText.quote(s);
        int pos = 0;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            pos++;
        }
        if (s.substring(pos).equals("0")) {
            return BigDecimal.ZERO;
        }
        if (pos >= s.length()) {
            throw invalid("time: invalid duration " + quoted);
        }
        BigDecimal total = BigDecimal.ZERO;
        while (pos < s.length()) {
            int start = pos;
            while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                pos++;
            }
            String number = s.substring(start, pos);
            if (number.isEmpty()
                    || number.equals(".")
                    || number.chars().filter(c -> c == '.').count() > 1) {
                throw invalid("time: invalid duration " + quoted);
            }
            int unitStart = pos;
            while (pos < s.length() && s.charAt(pos) != '.' && !Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            String unit = s.substring(unitStart, pos);
            if (unit.isEmpty()) {
                throw invalid("time: missing unit in duration " + quoted);
            }
            Long scale = UNITS.get(unit);
            if (scale == null) {
                throw invalid("time: unknown unit " + GoText.quote(unit) + " in duration " + quoted);
            }
            total = total.add(
                    new BigDecimal(number.endsWith(".") ? number + "0" : number).multiply(BigDecimal.valueOf(scale)));
            if (total.compareTo(MAX) > 0) {
                throw invalid("time: invalid duration " + quoted);
            }
        }
        total = total.setScale(0, RoundingMode.DOWN);
        return negative ? total.negate() : total;
    }

    private static FunctionException invalid(String message) {
        return FunctionException.argument(1, message);
    }
}
