package io.github.nixml.validate.facts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Nix value as far as it is known without evaluating: a string literal, a boolean, an attribute set whose
 * attribute paths are merged ({@code a.b = 1; a.c = 2;} is {@code a = { b = 1; c = 2; }}), or unknown (a function
 * call, an interpolation, an import). Each value keeps the char offset where it is written in its file, each
 * attribute the offset of its name, so findings can point at them.
 */
sealed interface StaticValue permits StaticValue.Text, StaticValue.Bool, StaticValue.Attrs, StaticValue.Unknown {

  /** Offset of the value's first char in the file. */
  int offset();

  /** A string without interpolation. */
  record Text(String value, int offset) implements StaticValue {
    public Text {
      Objects.requireNonNull(value, "value");
    }
  }

  record Bool(boolean value, int offset) implements StaticValue {}

  /** What cannot be known statically. */
  record Unknown(int offset) implements StaticValue {}

  /** One attribute: its name, where the name is first written, and its value. */
  record Attribute(String name, int nameOffset, StaticValue value) {
    public Attribute {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * An attribute set. {@code complete} is false when some attributes could not be read (a dynamic name
   * {@code ${x} = ...}, an {@code inherit} from an unknown set), so the absence of a name proves nothing.
   */
  record Attrs(Map<String, Attribute> attributes, boolean complete, int offset) implements StaticValue {
    public Attrs {
      attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    Attribute get(String name) {
      return attributes.get(name);
    }
  }
}
