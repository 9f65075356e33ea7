package io.github.alertrouter.gotemplate;

import java.util.List;

/**
 * A Go function or bound method a template can call: its parameter types (for Go's argument
 * checks) and its body. An {@link Impl} reports a Go error by throwing {@link CallError}.
 *
 * @param name the name errors use
 * @param params fixed parameter types
 * @param variadic the element type of a trailing {@code ...} parameter, or {@code null}
 * @param impl the body
 */
record GoFunc(String name, List<Kind> params, Kind variadic, Impl impl) {

  /** Parameter types, named as Go prints them in "expected ..." errors. */
  enum Kind {
    STRING("string"), INT("int"), FLOAT("float64"), BOOL("bool"), ANY("interface {}"),
    STRINGS("[]string"), VALUE("reflect.Value");

    final String goName;

    Kind(String goName) {
      this.goName = goName;
    }
  }

  /** The function body. */
  @FunctionalInterface
  interface Impl {
    Object call(List<Object> args);
  }

  /** An error the function returns; exec reports it as {@code error calling NAME: MESSAGE}. */
  static final class CallError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CallError(String message) {
      super(message, null, false, false);
    }
  }

  static GoFunc of(String name, Impl impl, Kind... params) {
    return new GoFunc(name, List.of(params), null, impl);
  }

  static GoFunc variadic(String name, Kind variadic, Impl impl, Kind... params) {
    return new GoFunc(name, List.of(params), variadic, impl);
  }
}
