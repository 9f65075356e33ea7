package io.github.alertrouter.gotemplate;

/**
 * Go's {@code uint8} (a byte), what {@code index} yields on a string; compares with ints as Go's
 * {@code eq} allows, prints as a number.
 *
 * @param value 0 to 255
 */
record GoUint8(int value) implements GoValue {
  @Override
  public String goType() {
    return "uint8";
  }

  @Override
  public void formatV(StringBuilder b) {
    b.append(value);
  }
}
