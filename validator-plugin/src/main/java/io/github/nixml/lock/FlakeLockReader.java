package io.github.nixml.lock;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.github.nixml.lock.PositionedJson.JsonArray;
import io.github.nixml.lock.PositionedJson.JsonObject;
import io.github.nixml.lock.PositionedJson.JsonScalar;
import io.github.nixml.lock.PositionedJson.Member;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code flake.lock} with Jackson's streaming parser, keeping the line and column of every key, and checks
 * it is a lock file as Nix reads one: an object with a supported {@code version}, a {@code root} naming one of the
 * {@code nodes}, inputs that name existing nodes or follows paths, and {@code locked}/{@code original} on every
 * node but the root. Never throws: anything else is a {@link FlakeLockResult.Rejected} with a position.
 */
public final class FlakeLockReader {

  /** The oldest lock version current Nix still reads. */
  public static final int OLDEST_VERSION = 5;

  /** Lock files are a few levels deep; anything deeper is not one, and recursion stays bounded. */
  private static final int MAX_DEPTH = 64;

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private FlakeLockReader() {}

  public static FlakeLockResult read(String text) {
    PositionedJson json;
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new FlakeLockResult.Rejected("flake.lock is empty", JsonPosition.START);
      }
      json = value(parser, 0);
      if (parser.nextToken() != null) {
        return new FlakeLockResult.Rejected("flake.lock has content after the JSON value", tokenPosition(parser));
      }
    } catch (TooDeep e) {
      return new FlakeLockResult.Rejected("flake.lock is nested deeper than a lock file can be", e.position);
    } catch (JsonProcessingException e) {
      return new FlakeLockResult.Rejected("flake.lock is not valid JSON: " + e.getOriginalMessage(),
          position(e.getLocation()));
    } catch (IOException e) {
      return new FlakeLockResult.Rejected("flake.lock cannot be read: " + e.getMessage(), JsonPosition.START);
    }
    try {
      return new FlakeLockResult.Read(lock(json));
    } catch (NotALock e) {
      return new FlakeLockResult.Rejected(e.getMessage(), e.position);
    }
  }

  // ---- JSON with positions -------------------------------------------------------------------------------------

  private static PositionedJson value(JsonParser parser, int depth) throws IOException {
    JsonPosition at = tokenPosition(parser);
    if (depth > MAX_DEPTH) {
      throw new TooDeep(at);
    }
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw new JsonProcessingException("unexpected end of input", parser.currentLocation()) {};
    }
    switch (token) {
      case START_OBJECT: {
        Map<String, Member> members = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          JsonPosition keyAt = tokenPosition(parser);
          parser.nextToken();
          members.put(key, new Member(key, keyAt, value(parser, depth + 1)));
        }
        return new JsonObject(at, members);
      }
      case START_ARRAY: {
        List<PositionedJson> elements = new ArrayList<>();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
          if (next == null) {
            throw new JsonProcessingException("unexpected end of input in an array", parser.currentLocation()) {};
          }
          elements.add(value(parser, depth + 1));
        }
        return new JsonArray(at, elements);
      }
      case VALUE_STRING:
        return new JsonScalar(at, JsonScalar.Kind.STRING, parser.getText());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new JsonScalar(at, JsonScalar.Kind.NUMBER, parser.getText());
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new JsonScalar(at, JsonScalar.Kind.BOOLEAN, parser.getText());
      case VALUE_NULL:
        return new JsonScalar(at, JsonScalar.Kind.NULL, "null");
      default:
        throw new JsonProcessingException("unexpected token " + token, parser.currentTokenLocation()) {};
    }
  }

  private static JsonPosition tokenPosition(JsonParser parser) {
    return position(parser.currentTokenLocation());
  }

  private static JsonPosition position(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return JsonPosition.START;
    }
    return new JsonPosition(location.getLineNr(), Math.max(1, location.getColumnNr()));
  }

  // ---- lock structure ------------------------------------------------------------------------------------------

  private static FlakeLock lock(PositionedJson json) {
    JsonObject top = object(json, "flake.lock");
    Member versionMember = required(top, "version", "flake.lock");
    int version = version(versionMember);
    Member rootMember = required(top, "root", "flake.lock");
    String rootName = string(rootMember.value(), "\"root\"");
    Member nodesMember = required(top, "nodes", "flake.lock");
    JsonObject nodesObject = object(nodesMember.value(), "\"nodes\"");
    if (!nodesObject.members().containsKey(rootName)) {
      throw new NotALock("root node '" + rootName + "' is not among the nodes", rootMember.value().position());
    }
    Map<String, LockNode> nodes = new LinkedHashMap<>();
    for (Member member : nodesObject.members().values()) {
      nodes.put(member.key(), node(member, member.key().equals(rootName)));
    }
    for (LockNode node : nodes.values()) {
      for (LockInput input : node.inputs().values()) {
        if (input.node().isPresent() && !nodes.containsKey(input.node().get())) {
          throw new NotALock("input '" + input.name() + "' of node '" + node.name() + "' names node '"
              + input.node().get() + "', which is not among the nodes", input.position());
        }
      }
    }
    return new FlakeLock(version, rootName, nodes);
  }

  private static int version(Member member) {
    PositionedJson value = member.value();
    if (value instanceof JsonScalar scalar && scalar.scalarKind() == JsonScalar.Kind.NUMBER) {
      try {
        int version = Integer.parseInt(scalar.text());
        if (version >= OLDEST_VERSION && version <= FlakeLock.CURRENT_VERSION) {
          return version;
        }
        throw new NotALock("flake.lock has unsupported version " + version + " (Nix reads versions "
            + OLDEST_VERSION + " to " + FlakeLock.CURRENT_VERSION + ")", value.position());
      } catch (NumberFormatException e) {
        // falls through to the message below
      }
    }
    throw new NotALock("\"version\" must be an integer, found " + describe(value), value.position());
  }

  private static LockNode node(Member member, boolean isRoot) {
    String name = member.key();
    String where = "node '" + name + "'";
    JsonObject node = object(member.value(), where);
    Map<String, LockInput> inputs = new LinkedHashMap<>();
    Member inputsMember = node.members().get("inputs");
    if (inputsMember != null) {
      for (Member input : object(inputsMember.value(), "\"inputs\" of " + where).members().values()) {
        inputs.put(input.key(), input(input, where));
      }
    }
    Map<String, String> original = Map.of();
    Map<String, String> locked = Map.of();
    JsonPosition originalPosition = member.keyPosition();
    JsonPosition lockedPosition = member.keyPosition();
    Optional<JsonPosition> lastModifiedPosition = Optional.empty();
    if (!isRoot) {
      Member originalMember = required(node, "original", where);
      originalPosition = originalMember.keyPosition();
      original = reference(originalMember, where);
      Member lockedMember = required(node, "locked", where);
      locked = reference(lockedMember, where);
      lockedPosition = lockedMember.keyPosition();
      Member lastModified = ((JsonObject) lockedMember.value()).members().get("lastModified");
      if (lastModified != null) {
        if (!(lastModified.value() instanceof JsonScalar scalar && scalar.scalarKind() == JsonScalar.Kind.NUMBER
            && scalar.text().matches("\\d+"))) {
          throw new NotALock("\"lastModified\" of " + where + " must be a whole number of seconds, found "
              + describe(lastModified.value()), lastModified.value().position());
        }
        lastModifiedPosition = Optional.of(lastModified.keyPosition());
      }
    }
    boolean flake = true;
    Member flakeMember = node.members().get("flake");
    if (flakeMember != null) {
      if (!(flakeMember.value() instanceof JsonScalar scalar && scalar.scalarKind() == JsonScalar.Kind.BOOLEAN)) {
        throw new NotALock("\"flake\" of " + where + " must be true or false, found "
            + describe(flakeMember.value()), flakeMember.value().position());
      }
      flake = Boolean.parseBoolean(((JsonScalar) flakeMember.value()).text());
    }
    return new LockNode(name, member.keyPosition(), inputs, original, originalPosition, locked, lockedPosition,
        lastModifiedPosition, flake);
  }

  private static LockInput input(Member input, String where) {
    PositionedJson value = input.value();
    if (value instanceof JsonScalar scalar && scalar.scalarKind() == JsonScalar.Kind.STRING) {
      return LockInput.direct(input.key(), input.keyPosition(), scalar.text());
    }
    if (value instanceof JsonArray array) {
      List<String> path = new ArrayList<>();
      for (PositionedJson step : array.elements()) {
        path.add(string(step, "follows path of input '" + input.key() + "' of " + where));
      }
      return LockInput.following(input.key(), input.keyPosition(), path);
    }
    throw new NotALock("input '" + input.key() + "' of " + where
        + " must be a node name or a follows path (array), found " + describe(value), value.position());
  }

  /** A flake reference object: scalar attributes, of which {@code type} is a string. */
  private static Map<String, String> reference(Member member, String where) {
    String what = "\"" + member.key() + "\" of " + where;
    JsonObject object = object(member.value(), what);
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Member attribute : object.members().values()) {
      if (!(attribute.value() instanceof JsonScalar scalar) || scalar.scalarKind() == JsonScalar.Kind.NULL) {
        throw new NotALock("attribute '" + attribute.key() + "' of " + what
            + " must be a string, number or boolean, found " + describe(attribute.value()),
            attribute.value().position());
      }
      attributes.put(attribute.key(), scalar.text());
    }
    Member type = required(object, "type", what);
    string(type.value(), "\"type\" of " + what);
    return attributes;
  }

  private static JsonObject object(PositionedJson value, String what) {
    if (value instanceof JsonObject object) {
      return object;
    }
    throw new NotALock(what + " must be an object, found " + describe(value), value.position());
  }

  private static String string(PositionedJson value, String what) {
    if (value instanceof JsonScalar scalar && scalar.scalarKind() == JsonScalar.Kind.STRING) {
      return scalar.text();
    }
    throw new NotALock(what + " must be a string, found " + describe(value), value.position());
  }

  private static Member required(JsonObject object, String key, String where) {
    Member member = object.members().get(key);
    if (member == null) {
      throw new NotALock(where + " has no \"" + key + "\"", object.position());
    }
    return member;
  }

  private static String describe(PositionedJson value) {
    return value instanceof JsonScalar scalar && scalar.scalarKind() != JsonScalar.Kind.NULL
        ? scalar.kind() + " (" + abbreviate(scalar.text()) + ")" : value.kind();
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  /** The text is JSON but not a lock file. */
  private static final class NotALock extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient JsonPosition position;

    NotALock(String message, JsonPosition position) {
      super(message, null, false, false);
      this.position = position;
    }
  }

  private static final class TooDeep extends IOException {
    private static final long serialVersionUID = 1L;
    final transient JsonPosition position;

    TooDeep(JsonPosition position) {
      super("too deep");
      this.position = position;
    }
  }
}
