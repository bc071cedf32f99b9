package io.netform.lang.function;

import io.netform.value.Type;
import io.netform.value.Value;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** timestamp plantimestamp formatdate timeadd timecmp. */
final class TimeFunctions {
    private TimeFunctions() {}

    static List<Function> all(Clock clock, Optional<Instant> planTimestamp) {
        return List.of(
                Function.builder("timestamp")
                        .impure()
                        .returns(Type.STRING)
                        .impl((args, t) -> Value.string(utcSeconds(clock.instant())))
                        .build(),
                // The moment the plan was made, the same in plan and apply; unknown until there is a plan.
                Function.builder("plantimestamp")
                        .returns(Type.STRING)
                        .impl((args, t) -> planTimestamp
                                .map(when -> Value.string(utcSeconds(when)))
                                .orElseGet(() -> Value.unknown(Type.STRING)))
                        .build(),
                formatdate(),
                timeadd(),
                timecmp());
    }

    /** Go's RFC 3339 format of a UTC time: whole seconds and "Z". */
    private static String utcSeconds(Instant instant) {
        return Rfc3339.format(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC).withNano(0));
    }

    private static OffsetDateTime timestamp(Value v, int index) throws FunctionException {
        try {
            return Rfc3339.parse(v.asString());
        } catch (FunctionException e) {
            throw FunctionException.argument(index, e.reason());
        }
    }

    private static Function timecmp() {
        return Function.builder("timecmp")
                .param("timestamp_a", Type.STRING)
                .param("timestamp_b", Type.STRING)
                .returns(Type.NUMBER)
                .impl((args, t) -> Value.number(Integer.signum(timestamp(args.get(0), 0)
                        .toInstant()
                        .compareTo(timestamp(args.get(1), 1).toInstant()))))
                .build();
    }

    private static Function timeadd() {
        return Function.builder("timeadd")
                .param("timestamp", Type.STRING)
                .param("duration", Type.STRING)
                .returns(Type.STRING)
                .impl((args, t) -> {
                    OffsetDateTime start = timestamp(args.get(0), 0);
                    BigDecimal nanos = GoDuration.parseNanos(args.get(1).asString());
                    return Value.string(Rfc3339.format(start.plusNanos(nanos.longValueExact())));
                })
                .build();
    }

    private static Function formatdate() {
        return Function.builder("formatdate")
                .param("format", Type.STRING)
                .param("time", Type.STRING)
                .returns(Type.STRING)
                .impl((args, t) -> {
                    OffsetDateTime time = timestamp(args.get(1), 1);
                    return Value.string(formatDate(args.get(0).asString(), time));
                })
                .build();
    }

    private static String formatDate(String format, OffsetDateTime t) throws FunctionException {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            int end = i + 1;
            if (c == '\'') {
                end = quotedEnd(format, i);
                appendQuoted(out, format.substring(i, end));
            } else if (isLetter(c)) {
                while (end < format.length() && format.charAt(end) == c) {
                    end++;
                }
                out.append(verb(format.substring(i, end), t));
            } else {
                while (end < format.length() && format.charAt(end) != '\'' && !isLetter(format.charAt(end))) {
                    end++;
                }
                out.append(format, i, end);
            }
            i = end;
        }
        return out.toString();
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int quotedEnd(String format, int start) {
        if (format.startsWith("''", start)) {
            return start + 2;
        }
        for (int i = start + 1; i < format.length(); i++) {
            if (format.charAt(i) == '\'') {
                if (i + 1 < format.length() && format.charAt(i + 1) == '\'') {
                    i++;
                    continue;
                }
                return i + 1;
            }
        }
        return format.length();
    }

    private static void appendQuoted(StringBuilder out, String token) throws FunctionException {
        if (token.length() == 1 || token.charAt(token.length() - 1) != '\'') {
            throw FunctionException.argument(0, "unterminated literal '");
        }
        if (token.length() == 2) {
            out.append('\'');
            return;
        }
        out.append(token.substring(1, token.length() - 1).replace("''", "'"));
    }

    private static String verb(String tok, OffsetDateTime t) throws FunctionException {
        int n = tok.length();
        String unsupported = "invalid date format verb " + GoText.quote(tok);
        return switch (tok.charAt(0)) {
            case 'Y' ->
                n == 2
                        ? pad2(t.getYear() % 100)
                        : n == 4
                                ? String.format("%04d", t.getYear())
                                : fail(unsupported + ": year must either be \"YY\" or \"YYYY\"");
            case 'M' ->
                switch (n) {
                    case 1 -> Integer.toString(t.getMonthValue());
                    case 2 -> pad2(t.getMonthValue());
                    case 3 -> t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
                    case 4 -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
                    default -> fail(unsupported + ": month must be \"M\", \"MM\", \"MMM\", or \"MMMM\"");
                };
            case 'D' -> number(t.getDayOfMonth(), n, unsupported + ": day of month must either be \"D\" or \"DD\"");
            case 'E' ->
                n == 3
                        ? t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                        : n == 4
                                ? t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                                : fail(unsupported + ": day of week must either be \"EEE\" or \"EEEE\"");
            case 'h' -> number(t.getHour(), n, unsupported + ": 24-hour must either be \"h\" or \"hh\"");
            case 'H' ->
                number(
                        t.getHour() % 12 == 0 ? 12 : t.getHour() % 12,
                        n,
                        unsupported + ": 12-hour must either be \"H\" or \"HH\"");
            case 'A', 'a' ->
                n != 2
                        ? fail(unsupported + ": must be \"" + tok.charAt(0) + tok.charAt(0) + "\"")
                        : tok.charAt(0) == 'A' ? (t.getHour() < 12 ? "AM" : "PM") : (t.getHour() < 12 ? "am" : "pm");
            case 'm' -> number(t.getMinute(), n, unsupported + ": minute must either be \"m\" or \"mm\"");
            case 's' -> number(t.getSecond(), n, unsupported + ": second must either be \"s\" or \"ss\"");
            case 'Z' -> zone(t.getOffset(), n, unsupported);
            default -> fail(unsupported);
        };
    }

    private static String zone(ZoneOffset offset, int n, String unsupported) throws FunctionException {
        int total = offset.getTotalSeconds();
        String sign = total < 0 ? "-" : "+";
        String hh = pad2(Math.abs(total) / 3600);
        String mm = pad2(Math.abs(total) / 60 % 60);
        return switch (n) {
            case 1 -> total == 0 ? "Z" : sign + hh + ":" + mm;
            case 3 -> total == 0 ? "UTC" : sign + hh + mm;
            case 4 -> sign + hh + mm;
            case 5 -> sign + hh + ":" + mm;
            default -> fail(unsupported + ": timezone must be Z, ZZZZ, or ZZZZZ");
        };
    }

    private static String number(int value, int n, String error) throws FunctionException {
        return n == 1 ? Integer.toString(value) : n == 2 ? pad2(value) : fail(error);
    }

    private static String pad2(int value) {
        return String.format("%02d", value);
    }

    private static String fail(String reason) throws FunctionException {
        throw FunctionException.argument(0, reason);
    }
}
