package io.github.nixml.nix.eval;

import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Entry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Nix's package versions ({@code names.cc}): components of digits or of letters, {@code pre} before all. */
final class VersionBuiltins {
  private VersionBuiltins() {}

  static List<Builtin> all() {
    return List.of(
        new Builtin("compareVersions", 2, call -> new Value.Int(compare(call.string(0), call.string(1)))),
        new Builtin("splitVersion", 1, call -> BuiltinCall.listOf(components(call.string(0)).stream()
            .map(call::str).toList())),
        new Builtin("parseDrvName", 1, call -> {
          String full = call.string(0);
          String name = full;
          String version = "";
          for (int i = 0; i < full.length(); i++) {
            if (full.charAt(i) == '-' && i + 1 < full.length() && !isAlpha(full.charAt(i + 1))) {
              name = full.substring(0, i);
              version = full.substring(i + 1);
              break;
            }
          }
          Map<String, Entry> entries = new LinkedHashMap<>();
          entries.put("name", new Entry(Thunk.of(call.str(name)), call.at()));
          entries.put("version", new Entry(Thunk.of(call.str(version)), call.at()));
          return new Attrs(entries, false);
        }));
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The component starting at {@code from} after separators; {@code end[0]} receives where it ends. */
  private static String next(String version, int from, int[] end) {
    int p = from;
    while (p < version.length() && (version.charAt(p) == '.' || version.charAt(p) == '-')) {
      p++;
    }
    int start = p;
    if (p < version.length() && isDigit(version.charAt(p))) {
      while (p < version.length() && isDigit(version.charAt(p))) {
        p++;
      }
    } else {
      while (p < version.length() && !isDigit(version.charAt(p)) && version.charAt(p) != '.'
          && version.charAt(p) != '-') {
        p++;
      }
    }
    end[0] = p;
    return version.substring(start, p);
  }

  static List<String> components(String version) {
    List<String> out = new ArrayList<>();
    int[] end = {0};
    while (end[0] < version.length()) {
      String component = next(version, end[0], end);
      if (component.isEmpty()) {
        break;
      }
      out.add(component);
    }
    return out;
  }

  static int compare(String left, String right) {
    int[] l = {0};
    int[] r = {0};
    while (l[0] < left.length() || r[0] < right.length()) {
      String a = next(left, l[0], l);
      String b = next(right, r[0], r);
      if (less(a, b)) {
        return -1;
      }
      if (less(b, a)) {
        return 1;
      }
    }
    return 0;
  }

  private static boolean less(String a, String b) {
    Integer n1 = number(a);
    Integer n2 = number(b);
    if (n1 != null && n2 != null) {
      return n1 < n2;
    }
    if (a.isEmpty() && n2 != null) {
      return true;
    }
    if (a.equals("pre") && !b.equals("pre")) {
      return true;
    }
    if (b.equals("pre")) {
      return false;
    }
    if (n2 != null) {
      return true;
    }
    if (n1 != null) {
      return false;
    }
    return Strings.compare(a, b) < 0;
  }

  private static Integer number(String component) {
    if (component.isEmpty() || !component.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    try {
      return Integer.parseInt(component);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
