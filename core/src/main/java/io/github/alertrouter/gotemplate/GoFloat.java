package io.github.alertrouter.gotemplate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's float formatting ({@code strconv.FormatFloat} for %e, %g and %v) on the exact binary
 * value, rounding half to even as Go does, so {@code %.2f} of 2.675 is 2.67 as in Go.
 */
final class GoFloat {
  private GoFloat() {}

  /** %e with prec digits after the point and at least two exponent digits. */
  static String exp(double v, int prec) {
    if (v == 0) {
      return (prec > 0 ? "0." + "0".repeat(prec) : "0") + "e+00";
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(prec + 1, RoundingMode.HALF_EVEN));
    int e = d.precision() - d.scale() - 1;
    String digits = d.unscaledValue().abs().toString();
    while (digits.length() < prec + 1) {
      digits = digits + "0";
    }
    String mant = digits.substring(0, 1) + (prec > 0 ? "." + digits.substring(1, prec + 1) : "");
    return mant + "e" + (e < 0 ? "-" : "+") + (Math.abs(e) < 10 ? "0" : "") + Math.abs(e);
  }

  /** strconv.FormatFloat(v, 'g', -1, 64): shortest digits, %e when exp < -4 or >= 21 digits. */
  static String shortestG(double v) {
    if (v == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
    String digits = d.unscaledValue().toString();
    int exp = digits.length() - d.scale() - 1;
    // Shortest formatting switches to %e from exponent 6 on, as strconv's 'g' with precision -1.
    int eprec = 6;
    if (exp < -4 || exp >= eprec) {
      String mant = digits.substring(0, 1) + (digits.length() > 1 ? "." + digits.substring(1) : "");
      return mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }
    return d.toPlainString();
  }

  static String precisionG(double v, int prec) {
    if (prec == 0) {
      prec = 1;
    }
    if (v == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(prec, RoundingMode.HALF_EVEN));
    int exp = d.precision() - d.scale() - 1;
    if (exp < -4 || exp >= prec) {
      String e = exp(v, prec - 1);
      int ePos = e.indexOf('e');
      String mant = e.substring(0, ePos);
      if (mant.contains(".")) {
        mant = mant.replaceAll("0+$", "").replaceAll("\\.$", "");
      }
      return mant + e.substring(ePos);
    }
    return d.stripTrailingZeros().toPlainString();
  }
}
