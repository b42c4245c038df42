package io.github.nixml.lock;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the URL-like flake references of {@code flake.nix} into the attributes Nix records under
 * {@code original}, following Nix's own rules: indirect ids ({@code nixpkgs}, {@code flake:nixpkgs/nixos-24.11}),
 * {@code github:}/{@code gitlab:}/{@code sourcehut:} owner/repo[/ref-or-rev], {@code git+https:} and friends with
 * {@code ?ref=}, plain {@code https:} archives ({@code tarball}) or files ({@code file}), and paths.
 */
final class FlakeRefParser {

  private static final Pattern FLAKE_ID = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]*");
  private static final Pattern REV = Pattern.compile("[0-9a-fA-F]{40}|[0-9a-fA-F]{64}");
  private static final Pattern INDIRECT =
      Pattern.compile("(?:flake:)?([a-zA-Z][a-zA-Z0-9_-]*)(?:/([^/?#]+))?(?:/([0-9a-fA-F]{40}))?");
  private static final Pattern SCHEME = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*):(.*)", Pattern.DOTALL);
  private static final List<String> ARCHIVE_SUFFIXES =
      List.of(".zip", ".tar", ".tgz", ".tar.gz", ".tar.xz", ".tar.bz2", ".tar.zst");
  /** Query parameters Nix lifts out of a git/hg/tarball URL into attributes of their own. */
  private static final Set<String> LIFTED_PARAMETERS =
      Set.of("ref", "rev", "dir", "submodules", "shallow", "allRefs", "lfs", "narHash", "lastModified", "revCount");

  private FlakeRefParser() {}

  static Optional<FlakeRef> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String ref = text.strip();
    int fragment = ref.indexOf('#');
    if (fragment >= 0) {
      ref = ref.substring(0, fragment);
    }
    if (ref.isEmpty()) {
      return Optional.empty();
    }
    Matcher indirect = INDIRECT.matcher(ref);
    if (indirect.matches()) {
      Map<String, String> attributes = new LinkedHashMap<>();
      attributes.put("type", "indirect");
      attributes.put("id", indirect.group(1));
      putRefOrRev(attributes, indirect.group(2));
      if (indirect.group(3) != null) {
        attributes.put("rev", indirect.group(3));
      }
      return Optional.of(FlakeRef.of(attributes));
    }
    if (ref.startsWith("/") || ref.startsWith(".")) {
      return path(ref);
    }
    Matcher scheme = SCHEME.matcher(ref);
    if (!scheme.matches()) {
      return Optional.empty();
    }
    String name = scheme.group(1).toLowerCase(java.util.Locale.ROOT);
    String rest = scheme.group(2);
    return switch (name) {
      case "github", "gitlab", "sourcehut" -> gitForge(name, rest);
      case "flake" -> Optional.empty(); // an indirect reference that is not a valid id
      case "path" -> path(rest);
      case "git+https", "git+http", "git+ssh", "git+file", "git" -> scm("git", name, rest);
      case "hg+https", "hg+http", "hg+ssh", "hg+file" -> scm("hg", name, rest);
      case "tarball+https", "tarball+http", "tarball+file" -> plain("tarball", name.substring(8), rest);
      case "file+https", "file+http", "file+file" -> plain("file", name.substring(5), rest);
      case "https", "http" -> plain(isArchive(withoutQuery(rest)) ? "tarball" : "file", name, rest);
      default -> Optional.empty();
    };
  }

  private static Optional<FlakeRef> gitForge(String type, String rest) {
    String pathPart = withoutQuery(rest);
    Map<String, String> query = query(rest);
    String[] segments = pathPart.split("/", 3);
    if (segments.length < 2 || segments[0].isEmpty() || segments[1].isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("type", type);
    attributes.put("owner", segments[0]);
    attributes.put("repo", segments[1]);
    if (segments.length == 3 && !segments[2].isEmpty()) {
      if (query.containsKey("ref") || query.containsKey("rev")) {
        return Optional.empty(); // Nix: "URL contains multiple branch/tag names"
      }
      putRefOrRev(attributes, segments[2]);
    }
    for (String key : List.of("ref", "rev", "host", "dir")) {
      if (query.containsKey(key)) {
        attributes.put(key, query.get(key));
      }
    }
    return Optional.of(FlakeRef.of(attributes));
  }

  private static Optional<FlakeRef> scm(String type, String scheme, String rest) {
    String transport = scheme.equals("git") ? "git" : scheme.substring(scheme.indexOf('+') + 1);
    Map<String, String> query = query(rest);
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("type", type);
    attributes.put("url", transport + ":" + keepQuery(rest, query));
    for (String key : List.of("ref", "rev", "dir")) {
      if (query.containsKey(key)) {
        attributes.put(key, query.get(key));
      }
    }
    return Optional.of(FlakeRef.of(attributes));
  }

  private static Optional<FlakeRef> plain(String type, String transport, String rest) {
    Map<String, String> query = query(rest);
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("type", type);
    attributes.put("url", transport + ":" + keepQuery(rest, query));
    if (query.containsKey("dir")) {
      attributes.put("dir", query.get("dir"));
    }
    return Optional.of(FlakeRef.of(attributes));
  }

  private static Optional<FlakeRef> path(String rest) {
    String pathPart = withoutQuery(rest);
    if (pathPart.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("type", "path");
    attributes.put("path", percentDecode(pathPart));
    Map<String, String> query = query(rest);
    if (query.containsKey("dir")) {
      attributes.put("dir", query.get("dir"));
    }
    return Optional.of(FlakeRef.of(attributes));
  }

  private static void putRefOrRev(Map<String, String> attributes, String refOrRev) {
    if (refOrRev == null) {
      return;
    }
    String decoded = percentDecode(refOrRev);
    attributes.put(REV.matcher(decoded).matches() ? "rev" : "ref", decoded);
  }

  static boolean isArchive(String url) {
    String lower = url.toLowerCase(java.util.Locale.ROOT);
    return ARCHIVE_SUFFIXES.stream().anyMatch(lower::endsWith);
  }

  private static String withoutQuery(String rest) {
    int q = rest.indexOf('?');
    return q < 0 ? rest : rest.substring(0, q);
  }

  /** The URL with the parameters Nix lifts into attributes removed, the others kept in order. */
  private static String keepQuery(String rest, Map<String, String> query) {
    String base = withoutQuery(rest);
    int q = rest.indexOf('?');
    if (q < 0) {
      return base;
    }
    StringBuilder kept = new StringBuilder();
    for (String pair : rest.substring(q + 1).split("&")) {
      String key = percentDecode(pair.split("=", 2)[0]);
      if (!pair.isEmpty() && !LIFTED_PARAMETERS.contains(key)) {
        kept.append(kept.length() == 0 ? '?' : '&').append(pair);
      }
    }
    return base + kept;
  }

  private static Map<String, String> query(String rest) {
    Map<String, String> parameters = new LinkedHashMap<>();
    int q = rest.indexOf('?');
    if (q < 0) {
      return parameters;
    }
    for (String pair : rest.substring(q + 1).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String[] keyValue = pair.split("=", 2);
      parameters.put(percentDecode(keyValue[0]), keyValue.length == 2 ? percentDecode(keyValue[1]) : "");
    }
    return parameters;
  }

  /** Percent-decoding as Nix does it: {@code +} stays a plus; a malformed escape stays as written. */
  static String percentDecode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < text.length()) {
      if (text.charAt(i) == '%' && i + 2 < text.length()
          && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
        bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
        i += 3;
      } else {
        int codePoint = text.codePointAt(i);
        byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
        i += Character.charCount(codePoint);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  static boolean isFlakeId(String text) {
    return FLAKE_ID.matcher(text).matches();
  }
}
