package io.github.nixml.nix.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Bool;
import io.github.nixml.nix.eval.Value.Entry;
import io.github.nixml.nix.eval.Value.ListV;
import io.github.nixml.nix.eval.Value.Str;
import io.github.nixml.toml.TomlDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tomlj.TomlArray;
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
          return fromToml(call, toml.table().orElseThrow());
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

  private static Value fromToml(BuiltinCall call, Object value) {
    if (value instanceof TomlTable table) {
      Map<String, Entry> entries = new LinkedHashMap<>();
      for (String key : table.keySet()) {
        entries.put(key, new Entry(Thunk.of(fromToml(call, table.get(List.of(key)))), call.at()));
      }
      return new Attrs(entries, false);
    }
    if (value instanceof TomlArray array) {
      List<Value> items = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        items.add(fromToml(call, array.get(i)));
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
      return call.str(text);
    }
    throw call.fail("while parsing a TOML string: Dates and times are not supported");
  }
}
