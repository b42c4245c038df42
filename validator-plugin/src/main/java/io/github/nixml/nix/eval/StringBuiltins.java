package io.github.nixml.nix.eval;

import io.github.nixml.nix.eval.Value.Attrs;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Builtins over strings (bytes, as in Nix), paths as names, and string context. */
final class StringBuiltins {
  private static final Map<String, String> DIGESTS =
      Map.of("md5", "MD5", "sha1", "SHA-1", "sha256", "SHA-256", "sha512", "SHA-512");

  private StringBuiltins() {}

  static List<Builtin> all() {
    return List.of(
        new Builtin("toString", 1, call -> call.toStringOf(call.thunk(0).force())),
        new Builtin("stringLength", 1, call -> new Value.Int(Strings.bytes(call.coerced(call.value(0), false))
            .length)),
        new Builtin("substring", 3, StringBuiltins::substring),
        new Builtin("concatStringsSep", 2, StringBuiltins::concatStringsSep),
        new Builtin("replaceStrings", 3, StringBuiltins::replaceStrings),
        new Builtin("baseNameOf", 1, call -> call.value(0) instanceof Value.Path path
            ? call.str(Paths.baseName(path.path())) : call.str(Paths.baseName(call.coerced(call.value(0), false)))),
        new Builtin("dirOf", 1, call -> call.value(0) instanceof Value.Path path
            ? new Value.Path(Paths.dirName(path.path())) : call.str(Paths.dirName(call.coerced(call.value(0), false)))),
        new Builtin("toPath", 1, call -> {
          String path = call.value(0) instanceof Value.Path p ? p.path() : call.coerced(call.value(0), false);
          if (!path.startsWith("/")) {
            throw call.fail("string '" + path + "' doesn't represent an absolute path");
          }
          return call.str(Paths.canonical(path));
        }),
        new Builtin("hashString", 2, call -> {
          String algorithm = DIGESTS.get(call.string(0));
          if (algorithm == null) {
            throw call.fail("unknown hash algorithm '" + call.string(0) + "'");
          }
          return call.str(HexFormat.of().formatHex(digest(algorithm, Strings.bytes(call.string(1)))));
        }),
        new Builtin("hasContext", 1, call -> contextFree(call, new Value.Bool(false))),
        new Builtin("getContext", 1, call -> contextFree(call, new Attrs(Map.of(), false))),
        new Builtin("unsafeDiscardStringContext", 1, call -> contextFree(call, call.value(0))),
        new Builtin("unsafeDiscardOutputDependency", 1, call -> contextFree(call, call.value(0))),
        new Builtin("placeholder", 1, call -> call.str("/" + nixBase32(digest("SHA-256",
            Strings.bytes("nix-output:" + call.string(0)))))),
        RegexBuiltins.match(), RegexBuiltins.split());
  }

  /** What a builtin about context gives for a string with no context: ours have none unless a part is unknown. */
  private static Value contextFree(BuiltinCall call, Value answer) {
    call.string(0);
    return answer;
  }

  /**
   * The strings joined, each keeping its pieces: {@code concatStringsSep ":" [ "${pkgs.git}/bin" ]} is
   * {@code "${pkgs.git}/bin"} with the package still there ({@code lib.makeBinPath}); a derivation is its store path.
   */
  private static Value concatStringsSep(BuiltinCall call) {
    String separator = call.string(0);
    List<Value> items = call.list(1);
    List<Value.Piece> pieces = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (i > 0 && !separator.isEmpty()) {
        pieces.add(new Value.Text(separator));
      }
      Value item = items.get(i);
      if (item instanceof Value.Str str) {
        pieces.addAll(str.pieces());
      } else if (item instanceof Value.Foreign) {
        pieces.add(new Value.Interpolation(item, "…"));
      } else {
        pieces.add(new Value.Text(call.coerced(item, false)));
      }
    }
    return new Value.Str(pieces, call.at());
  }

  private static Value substring(BuiltinCall call) {
    long start = call.integer(0);
    long length = call.integer(1);
    byte[] bytes = Strings.bytes(call.coerced(call.value(2), false));
    if (start < 0) {
      throw call.fail("negative start position in 'substring'");
    }
    int from = (int) Math.min(start, bytes.length);
    int to = length < 0 ? bytes.length : (int) Math.min(bytes.length, from + Math.min(length, bytes.length));
    return call.str(Strings.text(bytes, from, to));
  }

  /** At each position the first {@code from} that matches is replaced; an empty one matches everywhere. */
  private static Value replaceStrings(BuiltinCall call) {
    List<Value> fromValues = call.list(0);
    List<Value> toValues = call.list(1);
    // Nix compares the lengths before it reads an element: a `throw` among them does not hide the mismatch
    if (fromValues.size() != toValues.size()) {
      throw call.fail("'from' and 'to' arguments to 'replaceStrings' have different lengths");
    }
    List<String> from = new ArrayList<>();
    for (Value item : fromValues) {
      from.add(call.string(item));
    }
    List<String> to = new ArrayList<>();
    for (Value item : toValues) {
      to.add(call.string(item)); // Nix 2.8 forces every replacement, used or not
    }
    String text = call.string(2);
    StringBuilder out = new StringBuilder();
    for (int p = 0; p <= text.length(); ) {
      boolean found = false;
      for (int i = 0; i < from.size(); i++) {
        if (text.startsWith(from.get(i), p)) {
          found = true;
          out.append(to.get(i));
          if (from.get(i).isEmpty()) {
            if (p < text.length()) {
              out.append(text.charAt(p));
            }
            p++;
          } else {
            p += from.get(i).length();
          }
          break;
        }
      }
      if (!found) {
        if (p < text.length()) {
          out.append(text.charAt(p));
        }
        p++;
      }
    }
    return call.str(out.toString());
  }

  /** Nix's base-32 (its own alphabet, least significant bits first), as in store paths. */
  private static String nixBase32(byte[] hash) {
    String alphabet = "0123456789abcdfghijklmnpqrsvwxyz";
    int length = (hash.length * 8 - 1) / 5 + 1;
    StringBuilder out = new StringBuilder();
    for (int n = length - 1; n >= 0; n--) {
      int bit = n * 5;
      int i = bit / 8;
      int j = bit % 8;
      int c = ((hash[i] & 0xff) >> j) | (i >= hash.length - 1 ? 0 : (hash[i + 1] & 0xff) << (8 - j));
      out.append(alphabet.charAt(c & 0x1f));
    }
    return out.toString();
  }

  private static byte[] digest(String algorithm, byte[] input) {
    try {
      return MessageDigest.getInstance(algorithm).digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }
}
