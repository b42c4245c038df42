package io.github.nixml.lock;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A flake reference as attributes, the form Nix writes under {@code original} and {@code locked} in
 * {@code flake.lock}: {@code type} ({@code github}, {@code git}, {@code tarball}, {@code indirect}, {@code path},
 * ...) and the attributes that type uses ({@code owner}, {@code repo}, {@code ref}, {@code rev}, {@code url},
 * {@code id}, {@code path}, {@code dir}, {@code host}).
 */
public record FlakeRef(Map<String, String> attributes) {

  /** The attributes that say which source a reference designates; a change to any of them makes Nix re-lock. */
  public static final List<String> IDENTITY_KEYS =
      List.of("type", "owner", "repo", "ref", "rev", "host", "url", "id", "path", "dir");

  public FlakeRef {
    attributes = Map.copyOf(attributes);
  }

  /** Parses a URL-like reference ({@code github:NixOS/nixpkgs/nixos-24.11}, {@code nixpkgs}, ...). */
  public static Optional<FlakeRef> parse(String text) {
    return FlakeRefParser.parse(text);
  }

  public static FlakeRef fromAttributes(Map<String, String> attributes) {
    return new FlakeRef(attributes);
  }

  public String type() {
    return attributes.getOrDefault("type", "");
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(attributes.get(key));
  }

  public Optional<String> owner() {
    return get("owner");
  }

  public Optional<String> repo() {
    return get("repo");
  }

  public Optional<String> ref() {
    return get("ref");
  }

  public Optional<String> rev() {
    return get("rev");
  }

  public Optional<String> url() {
    return get("url");
  }

  public Optional<String> id() {
    return get("id");
  }

  /**
   * The file system path a reference reads, as written: a {@code path} reference's {@code path}, or the path of a
   * {@code file:} URL ({@code git+file:///home/me/nixpkgs}); empty for anything fetched from elsewhere.
   */
  public Optional<String> localPath() {
    if (type().equals("path")) {
      return get("path");
    }
    return url().filter(url -> url.startsWith("file:"))
        .map(url -> url.substring("file:".length()).replaceFirst("^//", "").replaceFirst("[?#].*$", ""));
  }

  /** The identity attributes only, sorted, for comparing a declared reference with a lock's {@code original}. */
  public Map<String, String> identity() {
    Map<String, String> identity = new TreeMap<>();
    for (String key : IDENTITY_KEYS) {
      String value = attributes.get(key);
      if (value != null) {
        identity.put(key, value);
      }
    }
    // a plain https URL with no archive suffix (flakehub's `/f/owner/repo/0.1`): Nix versions lock it as `file`
    // or, for a flake input, as `tarball`; the same URL either way
    if ("file".equals(identity.get("type"))) {
      identity.put("type", "tarball");
    }
    // Nix re-encodes the URL it locks (flakehub's `0.1.*` is `0.1.%2A` in `original`): compare what it names
    identity.computeIfPresent("url", (key, url) -> FlakeRefParser.percentDecode(url));
    return identity;
  }

  /** The repository this reference designates, with the branch or tag it follows, when it says. */
  public Optional<SourceRepository> repository() {
    return SourceRepository.of(this);
  }

  /** A URL-like rendering for messages: {@code github:NixOS/nixpkgs/nixos-24.11}, or the URL itself. */
  public String display() {
    String type = type();
    switch (type) {
      case "github", "gitlab", "sourcehut": {
        StringBuilder text = new StringBuilder(type).append(':').append(attributes.getOrDefault("owner", "?"))
            .append('/').append(attributes.getOrDefault("repo", "?"));
        get("ref").or(this::rev).ifPresent(r -> text.append('/').append(r));
        get("dir").ifPresent(d -> text.append("?dir=").append(d));
        return text.toString();
      }
      case "indirect": {
        StringBuilder text = new StringBuilder("flake:").append(attributes.getOrDefault("id", "?"));
        get("ref").or(this::rev).ifPresent(r -> text.append('/').append(r));
        return text.toString();
      }
      case "path":
        return "path:" + attributes.getOrDefault("path", "?");
      default: {
        String url = attributes.get("url");
        if (url == null) {
          return identity().toString();
        }
        StringBuilder text = new StringBuilder(type.equals("tarball") || type.equals("file") ? "" : type + "+")
            .append(url);
        get("ref").ifPresent(r -> text.append(url.contains("?") ? '&' : '?').append("ref=").append(r));
        return text.toString();
      }
    }
  }

  @Override
  public String toString() {
    return display();
  }

  static FlakeRef of(Map<String, String> attributes) {
    Objects.requireNonNull(attributes.get("type"), "type");
    return new FlakeRef(attributes);
  }
}
