package io.smppgateway.http.metrics;

import java.math.BigDecimal;

/**
 * Bucket bounds ({@code le}) written as Prometheus writes them. The Java client writes a bound
 * with {@link Double#toString}, {@code le="5.0E-4"} and {@code le="10.0"}; Prometheus, its Go
 * client and the queries operators write say {@code le="0.0005"} and {@code le="10"} (Go's
 * shortest {@code %g}), and a server before 3.0 stores the label as written, so a query for
 * {@code le="0.0005"} would find nothing. Only the {@code le} label of {@code _bucket} lines is
 * rewritten: the client puts it last, after the sorted labels.
 */
final class BucketBounds {

    private static final String LE = "le=\"";

    private BucketBounds() {
    }

    /** The exposition text with every bucket's {@code le} in Prometheus's form. */
    static String rewrite(String exposition) {
        StringBuilder out = new StringBuilder(exposition.length());
        int start = 0;
        while (start < exposition.length()) {
            int newline = exposition.indexOf('\n', start);
            int end = newline < 0 ? exposition.length() : newline + 1;
            String line = exposition.substring(start, end);
            out.append(line.startsWith("#") ? line : withPrometheusBound(line));
            start = end;
        }
        return out.toString();
    }

    private static String withPrometheusBound(String line) {
        int brace = line.indexOf('{');
        if (brace < 0 || !line.startsWith("_bucket", brace - "_bucket".length())) {
            return line;
        }
        int at = line.lastIndexOf(LE);
        if (at < 0) {
            return line;
        }
        int valueStart = at + LE.length();
        int valueEnd = line.indexOf('"', valueStart);
        return line.substring(0, valueStart) + format(line.substring(valueStart, valueEnd))
                + line.substring(valueEnd);
    }

    /** A float as Go's {@code strconv.FormatFloat(v, 'g', -1, 64)} writes it, and Prometheus with it. */
    static String format(String javaDouble) {
        if (javaDouble.equals("+Inf") || javaDouble.equals("-Inf") || javaDouble.equals("NaN")) {
            return javaDouble;
        }
        BigDecimal value = new BigDecimal(javaDouble);
        if (value.signum() == 0) {
            return "0";
        }
        value = value.stripTrailingZeros();
        int exponent = value.precision() - value.scale() - 1;
        if (exponent >= -4 && exponent < 6) {
            return value.toPlainString();
        }
        String digits = value.unscaledValue().abs().toString();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String sign = exponent < 0 ? "-" : "+";
        int magnitude = Math.abs(exponent);
        return (value.signum() < 0 ? "-" : "") + mantissa + "e" + sign + (magnitude < 10 ? "0" : "") + magnitude;
    }
}
