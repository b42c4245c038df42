package io.github.nixml.lock;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A JSON value with the position of its first token; objects keep the position of each key. */
sealed interface PositionedJson permits PositionedJson.JsonObject, PositionedJson.JsonArray, PositionedJson.JsonScalar {

  JsonPosition position();

  /** A JSON kind in words, for messages. */
  String kind();

  record Member(String key, JsonPosition keyPosition, PositionedJson value) {}

  record JsonObject(JsonPosition position, Map<String, Member> members) implements PositionedJson {
    public JsonObject {
      members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    @Override
    public String kind() {
      return "an object";
    }
  }

  record JsonArray(JsonPosition position, List<PositionedJson> elements) implements PositionedJson {
    public JsonArray {
      elements = List.copyOf(elements);
    }

    @Override
    public String kind() {
      return "an array";
    }
  }

  /** A string, number, boolean or null; {@code text} is its value as text ({@code "null"} for null). */
  record JsonScalar(JsonPosition position, Kind scalarKind, String text) implements PositionedJson {
    enum Kind { STRING, NUMBER, BOOLEAN, NULL }

    @Override
    public String kind() {
      return switch (scalarKind) {
        case STRING -> "a string";
        case NUMBER -> "a number";
        case BOOLEAN -> "a boolean";
        case NULL -> "null";
      };
    }
  }
}
