package io.github.nixml.nix.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Bool;
import io.github.nixml.nix.eval.Value.Entry;
import io.github.nixml.nix.eval.Value.ListV;
import io.github.nixml.nix.eval.Value.Str;
import io.github.nixml.nix.syntax.LineIndex;
import io.github.nixml.nix.syntax.SourceSpan;
import io.github.nixml.toml.TomlDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/** {@code toJSON}, {@code fromJSON} and {@code fromTOML} (read by the one TOML entry point), with Nix's JSON text (sorted names, 6-digit floats). */
final class DataBuiltins {
  /** Made on the first fromJSON only: Jackson's databind is ~370 classes that most runs never need. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  private static final int MAX_DEPTH = 200;

  private DataBuiltins() {}

  static List<Builtin> all() {
    return List.of(
        new Builtin("toJSON", 1, call -> {
          StringBuilder out = new StringBuilder();
          write(call, call.thunk(0).force(), out, 0);
          return call.str(out.toString());
        }),
        new Builtin("fromTOML", 1, call -> {
          TomlDocument toml = TomlDocument.parse(call.string(0));
          if (toml.hasErrors()) {
            throw call.fail("while parsing a TOML string: " + toml.firstError().orElseThrow());
          }
          try {
            return fromToml(toml.table().orElseThrow(), call.at(), null);
          } catch (DateInToml e) {
            throw call.fail(DateInToml.MESSAGE);
          }
        }),
        new Builtin("fromJSON", 1, call -> {
          try {
            JsonNode tree = Json.MAPPER.readTree(call.string(0));
            if (tree == null || tree.isMissingNode()) {
              throw call.fail("invalid JSON: no value");
            }
            return fromJson(call, tree);
          } catch (IOException e) {
            throw call.fail("invalid JSON");
          }
        }));
  }

  /** Nix's JSON text of a value, forcing it deeply. */
  private static void write(BuiltinCall call, Value raw, StringBuilder out, int depth) {
    Value value = call.known(raw);
    if (depth > MAX_DEPTH) {
      throw new BuiltinCall.Stop(Value.UNKNOWN);
    }
    if (value instanceof Attrs attrs && (attrs.entries().containsKey("__toString")
        || attrs.entries().containsKey("outPath"))) {
      quote(call.coerced(attrs, false), out);
    } else if (value instanceof Attrs attrs) {
      out.append('{');
      String separator = "";
      for (String name : Comparison.sortedNames(call.closedAttrs(attrs))) {
        out.append(separator);
        quote(name, out);
        out.append(':');
        write(call, attrs.get(name), out, depth + 1);
        separator = ",";
      }
      out.append('}');
    } else if (value instanceof ListV) {
      out.append('[');
      String separator = "";
      for (Value item : call.list(value)) {
        out.append(separator);
        write(call, item, out, depth + 1);
        separator = ",";
      }
      out.append(']');
    } else if (value instanceof Str str) {
      quote(call.string(str), out);
    } else if (value instanceof Value.Int number) {
      out.append(number.value());
    } else if (value instanceof Value.Float number) {
      out.append(Numbers.general(number.value()));
    } else if (value instanceof Bool bool) {
      out.append(bool.value());
    } else if (value instanceof Value.Null) {
      out.append("null");
    } else if (value instanceof Value.Path) {
      throw new BuiltinCall.Stop(Value.UNKNOWN); // copied to the store: its name depends on its contents
    } else {
      throw call.fail("cannot convert a function to JSON");
    }
  }

  /** Nix escapes quotes, backslashes and control characters; everything else is written as it is. */
  private static void quote(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    out.append('"');
  }

  private static Value fromJson(BuiltinCall call, JsonNode node) {
    if (node.isObject()) {
      Map<String, Entry> entries = new LinkedHashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        entries.put(field.getKey(), new Entry(Thunk.of(fromJson(call, field.getValue())), call.at()));
      }
      return new Attrs(entries, false);
    }
    if (node.isArray()) {
      List<Value> items = new ArrayList<>();
      node.forEach(item -> items.add(fromJson(call, item)));
      return BuiltinCall.listOf(items);
    }
    if (node.isIntegralNumber()) {
      return new Value.Int(node.bigIntegerValue().longValue());
    }
    if (node.isNumber()) {
      if (!Double.isFinite(node.doubleValue())) {
        throw call.fail("number overflow parsing JSON");
      }
      return new Value.Float(node.doubleValue());
    }
    if (node.isBoolean()) {
      return new Bool(node.booleanValue());
    }
    return node.isNull() ? new Value.Null() : call.str(node.textValue());
  }

  /** What Nix 2.8's {@code fromTOML} refuses. */
  private static final class DateInToml extends RuntimeException {
    static final String MESSAGE = "while parsing a TOML string: Dates and times are not supported";

    DateInToml() {
      super(MESSAGE, null, false, false);
    }
  }

  /**
   * A TOML file's value as {@code builtins.fromTOML (builtins.readFile file)} gives it, each key and array element
   * at the place the file writes it (spans naming the file); a failure where Nix would stop, at {@code at}.
   */
  static Value fromTomlFile(Imports.ImportedFile file, SourceSpan at) {
    TomlDocument toml = TomlDocument.parse(file.text());
    if (toml.hasErrors()) {
      return new Value.Failure(Value.FailureKind.OTHER, "while parsing a TOML string: "
          + toml.firstError().orElseThrow(), at);
    }
    try {
      return fromToml(toml.table().orElseThrow(), at, new TomlPlaces(file.name(), file.text()));
    } catch (DateInToml e) {
      return new Value.Failure(Value.FailureKind.OTHER, DateInToml.MESSAGE, at);
    }
  }

  /** Where a TOML file writes its keys and values: a span of the key, or of a value up to its end. */
  private static final class TomlPlaces {
    private final String name;
    private final String text;
    private final LineIndex lines;

    TomlPlaces(String name, String text) {
      this.name = name;
      this.text = text;
      this.lines = new LineIndex(text);
    }

    SourceSpan at(TomlPosition position, SourceSpan fallback) {
      if (position == null || position.line() < 1 || position.line() > lines.lineCount()) {
        return fallback;
      }
      int offset = skipBlank(Math.min(text.length(), lines.lineStart(position.line()) + position.column() - 1));
      return new SourceSpan(offset, tokenLength(offset), lines.line(offset), lines.column(offset), name);
    }

    /** tomlj places an array element just after the token before it: the element starts after blanks and comments. */
    private int skipBlank(int offset) {
      while (offset < text.length()) {
        char c = text.charAt(offset);
        if (c == '#') {
          while (offset < text.length() && text.charAt(offset) != '\n') {
            offset++;
          }
        } else if (Character.isWhitespace(c)) {
          offset++;
        } else {
          return offset;
        }
      }
      return offset;
    }

    /** The length of the key or scalar at {@code offset}: a quoted string to its closing quote, else a bare word. */
    private int tokenLength(int offset) {
      if (offset >= text.length()) {
        return 0;
      }
      char first = text.charAt(offset);
      if (first == '"' || first == '\'') {
        boolean multi = text.startsWith(String.valueOf(first).repeat(3), offset);
        String close = multi ? String.valueOf(first).repeat(3) : String.valueOf(first);
        int from = offset + close.length();
        int end = text.indexOf(close, from);
        while (!multi && first == '"' && end > 0 && text.charAt(end - 1) == '\\') {
          end = text.indexOf(close, end + 1);
        }
        return end < 0 ? 1 : end + close.length() - offset;
      }
      int end = offset;
      while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || "_-.+".indexOf(text.charAt(end)) >= 0)) {
        end++;
      }
      return Math.max(1, end - offset);
    }
  }

  /** A TOML value; {@code places} null: every span is {@code at} (the {@code fromTOML} call). */
  private static Value fromToml(Object value, SourceSpan at, TomlPlaces places) {
    if (value instanceof TomlTable table) {
      Map<String, Entry> entries = new LinkedHashMap<>();
      for (String key : table.keySet()) {
        SourceSpan span = places == null ? at : places.at(table.inputPositionOf(List.of(key)), at);
        entries.put(key, new Entry(Thunk.of(fromToml(table.get(List.of(key)), span, places)), span));
      }
      return new Attrs(entries, false);
    }
    if (value instanceof TomlArray array) {
      List<Value> items = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        items.add(fromToml(array.get(i), places == null ? at : places.at(array.inputPositionOf(i), at), places));
      }
      return BuiltinCall.listOf(items);
    }
    if (value instanceof Long number) {
      return new Value.Int(number);
    }
    if (value instanceof Double number) {
      return new Value.Float(number);
    }
    if (value instanceof Boolean bool) {
      return new Bool(bool);
    }
    if (value instanceof String text) {
      return Str.of(text, at);
    }
    throw new DateInToml();
  }
}
