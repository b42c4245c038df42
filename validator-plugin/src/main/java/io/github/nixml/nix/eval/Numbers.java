package io.github.nixml.nix.eval;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** How Nix 2.8 writes floats: {@code toString} as C's {@code %f}, JSON as a C++ stream ({@code %g}, 6 digits). */
final class Numbers {
  private static final int SIGNIFICANT = 6;

  private Numbers() {}

  /** {@code toString 0.1} is {@code "0.100000"}. */
  static String fixed(double value) {
    if (!Double.isFinite(value)) {
      return Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
    }
    String text = new BigDecimal(value).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    return value < 0 || (value == 0 && 1 / value < 0) ? (text.startsWith("-") ? text : "-" + text) : text;
  }

  /** {@code builtins.toJSON 0.1} is {@code "0.1"}, {@code 1.0e20} is {@code "1e+20"}, {@code 6.0} is {@code "6"}. */
  static String general(double value) {
    if (!Double.isFinite(value)) {
      return Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
    }
    if (value == 0) {
      return 1 / value < 0 ? "-0" : "0";
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(SIGNIFICANT, RoundingMode.HALF_EVEN));
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent < -4 || exponent >= SIGNIFICANT) {
      BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
      String digits = mantissa.scale() <= 0 ? mantissa.toBigInteger().toString() : mantissa.toPlainString();
      return digits + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }
    BigDecimal plain = rounded.stripTrailingZeros();
    return plain.scale() <= 0 ? plain.toBigInteger().toString() : plain.toPlainString();
  }
}
