package io.github.alertrouter.gotemplate;

import java.util.List;
import java.util.Map;

/**
 * A value of a Go type that templates can walk: a struct with fields, methods, or both. The data
 * types ({@link AmData} and its parts) implement it directly, so execution calls plain Java
 * instead of reflection. Plain {@code String}, {@code Long}, {@code Double}, {@code Boolean},
 * {@code List} and {@code Map} values stand for Go's string, int, float64, bool, slice and
 * {@code map[string]interface{}}; {@code null} is Go's nil.
 */
interface GoValue {
  /** Returned by {@link #field} when there is no such field. */
  Object NO_FIELD = new Object();

  /** Go's name of the type, as errors print it ({@code template.Data}). */
  String goType();

  /** The exported field {@code name}, or {@link #NO_FIELD}. */
  default Object field(String name) {
    return NO_FIELD;
  }

  /** The method {@code name} bound to this value, or {@code null}. */
  default GoFunc method(String name) {
    return null;
  }

  /** Appends what {@code fmt} prints for {@code %v}. */
  void formatV(StringBuilder b);

  /** The elements when this is a slice type, else {@code null}. */
  default List<?> asList() {
    return null;
  }

  /** The entries in Go's key order when this is a map type, else {@code null}. */
  default Map<String, ?> asMap() {
    return null;
  }

  /** The zero value of this map's element type (what a missing key yields under missingkey=zero). */
  default Object mapZero() {
    return null;
  }

  /** Whether {@code fmt} would call a String() method (time.Time) rather than print fields. */
  default boolean isStringer() {
    return false;
  }
}
