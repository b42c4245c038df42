package io.github.nixml.validate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses configuration enums by their lower-case ids, with an error that lists the accepted values. */
final class Choices {
  private Choices() {}

  static <E extends Enum<E>> E parse(Class<E> type, String what, String text) {
    String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    E[] constants = type.getEnumConstants();
    for (E constant : constants) {
      if (constant.toString().equals(value)) {
        return constant;
      }
    }
    String accepted = Arrays.stream(constants).map(Object::toString).collect(Collectors.joining(", "));
    throw new IllegalArgumentException("unknown " + what + " '" + text + "' (expected one of " + accepted + ")");
  }
}
