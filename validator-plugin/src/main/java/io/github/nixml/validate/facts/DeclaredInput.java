package io.github.nixml.validate.facts;

import io.github.nixml.lock.FlakeRef;
import io.github.nixml.validate.Location;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One input as {@code flake.nix} declares it, read from the syntax tree: {@code inputs.X.url = "...";},
 * {@code inputs = { X = { url = ...; flake = false; }; }}, {@code X.follows = "a/b";}, or the attribute form
 * {@code X = { type = "github"; owner = ...; repo = ...; }}.
 *
 * @param name the input name
 * @param location where the input is first named in flake.nix
 * @param reference what it fetches: the parsed URL or attributes, or {@code flake:<name>} when neither a URL nor a
 *     follows is given (Nix looks the name up in the registry); empty when it follows another input or when the
 *     URL is computed or unparseable
 * @param urlText the URL as written, when it is a literal
 * @param computed true when the URL or attributes could not be read statically (an interpolation, a function
 *     call): such an input is not compared with the lock
 * @param follows the follows path ({@code "a/b"} → {@code [a, b]}), when the input follows another
 * @param flake the {@code flake = false;} setting, when written
 * @param overrides {@code X.inputs.Z.follows = "..."} entries, which the lock records under X's node
 */
public record DeclaredInput(
    String name,
    Location location,
    Optional<FlakeRef> reference,
    Optional<String> urlText,
    boolean computed,
    Optional<List<String>> follows,
    Optional<Boolean> flake,
    List<InputOverride> overrides) {

  public DeclaredInput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(urlText, "urlText");
    Objects.requireNonNull(follows, "follows");
    Objects.requireNonNull(flake, "flake");
    follows = follows.map(List::copyOf);
    overrides = List.copyOf(overrides);
  }

  public boolean isFollows() {
    return follows.isPresent();
  }

  /** {@code X.inputs.Z.follows = "a/b"}: input Z of input X follows the path a/b from the root. */
  public record InputOverride(String input, List<String> follows, Location location) {
    public InputOverride {
      Objects.requireNonNull(input, "input");
      follows = List.copyOf(follows);
      Objects.requireNonNull(location, "location");
    }

    public String followsText() {
      return String.join("/", follows);
    }
  }

  /** The follows path as flake.nix writes it. */
  public static List<String> followsPath(String text) {
    return text.isEmpty() ? List.of() : List.of(text.split("/", -1));
  }
}
