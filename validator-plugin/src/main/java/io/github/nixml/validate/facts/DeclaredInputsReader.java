package io.github.nixml.validate.facts;

import io.github.nixml.lock.FlakeRef;
import io.github.nixml.nix.eval.Evaluator;
import io.github.nixml.nix.eval.Term;
import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Bool;
import io.github.nixml.nix.eval.Value.Entry;
import io.github.nixml.nix.eval.Value.Str;
import io.github.nixml.nix.eval.Value;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.NixSource;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.SourceFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the declared inputs out of flake.nix's top-level attribute set, the way Nix reads them: each attribute of
 * {@code inputs} is an input, itself an attribute set with {@code url}, {@code follows}, {@code flake} and nested
 * {@code inputs.<name>.follows} overrides, or the attribute form of a reference ({@code type}, {@code owner},
 * {@code repo}, {@code ref}, ...). A string in place of the set ({@code inputs.x = "github:..."}) is not an input
 * to Nix ("flake input 'x' is not an attribute set") and is read as computed, so it is not compared with the lock.
 */
final class DeclaredInputsReader {
  private DeclaredInputsReader() {}

  /** Attributes of an input that are not part of its reference. */
  private static final List<String> INPUT_SETTINGS = List.of("url", "follows", "flake", "inputs");

  /** The inputs of a flake.nix that is present. */
  static DeclaredInputs read(ProjectContext context) {
    NixSource flake = context.flakeNix();
    return flake.nixFile().isEmpty()
        ? DeclaredInputs.NONE
        : read(context.get(ProjectFacts.FLAKE_EXPRESSION)
            .map(term -> Evaluator.literal(term, flake.source().text().orElse(""))).orElse(Value.UNKNOWN),
            flake.source());
  }

  /**
   * The formals of the {@code outputs} function ({@code { self, nixpkgs, ... }}) with where each name is written, in
   * file order; empty when it has none or is unknown.
   */
  static Map<String, Location> outputsFormals(ProjectContext context) {
    Optional<Term> flake = context.get(ProjectFacts.FLAKE_EXPRESSION);
    if (flake.isEmpty() || !(flake.get() instanceof Term.AttrSet top)) {
      return Map.of();
    }
    SourceFile source = context.flakeNix().source();
    for (Term.Binding binding : top.bindings()) {
      if (binding instanceof Term.Define define && define.path().size() == 1
          && "outputs".equals(define.path().get(0).name()) && define.value() instanceof Term.Lambda lambda
          && lambda.formals() != null) {
        Map<String, Location> names = new LinkedHashMap<>();
        lambda.formals().forEach(formal -> names.putIfAbsent(formal.name(),
            source.locationAt(formal.span().offset(), formal.name().length())));
        return Collections.unmodifiableMap(names);
      }
    }
    return Map.of();
  }

  private static DeclaredInputs read(Value topLevel, SourceFile source) {
    if (!(topLevel instanceof Attrs top)) {
      return DeclaredInputs.NONE;
    }
    Entry inputsAttribute = top.entries().get("inputs");
    if (inputsAttribute == null) {
      return new DeclaredInputs(List.of(), !top.open(), Optional.empty());
    }
    Location inputsLocation = source.locationAt(inputsAttribute.nameSpan().offset());
    if (!(inputsAttribute.thunk().force() instanceof Attrs inputs)) {
      return new DeclaredInputs(List.of(), false, Optional.of(inputsLocation));
    }
    List<DeclaredInput> declared = new ArrayList<>();
    boolean complete = !inputs.open();
    for (Map.Entry<String, Entry> attribute : inputs.entries().entrySet()) {
      if (attribute.getKey().equals("self")) {
        continue; // `inputs.self.submodules = true;`: how the flake's own source is fetched, no input to lock
      }
      declared.add(input(attribute.getKey(), attribute.getValue(), source));
    }
    return new DeclaredInputs(declared, complete, Optional.of(inputsLocation));
  }

  private static DeclaredInput input(String name, Entry attribute, SourceFile source) {
    Location location = source.locationAt(attribute.nameSpan().offset());
    if (!(attribute.thunk().force() instanceof Attrs spec)) {
      return new DeclaredInput(name, location, Optional.empty(), Optional.empty(), true, Optional.empty(),
          Optional.empty(), List.of());
    }
    boolean computed = spec.open();
    Optional<List<String>> follows = Optional.empty();
    Entry followsAttribute = spec.entries().get("follows");
    if (followsAttribute != null) {
      if (followsAttribute.thunk().force() instanceof Str str && str.literal() != null) {
        follows = Optional.of(DeclaredInput.followsPath(str.literal()));
      } else {
        computed = true;
      }
    }
    Optional<Boolean> flake = Optional.empty();
    Entry flakeAttribute = spec.entries().get("flake");
    if (flakeAttribute != null) {
      if (flakeAttribute.thunk().force() instanceof Bool bool) {
        flake = Optional.of(bool.value());
      } else {
        computed = true;
      }
    }
    Optional<String> urlText = Optional.empty();
    Optional<FlakeRef> reference = Optional.empty();
    Entry urlAttribute = spec.entries().get("url");
    if (urlAttribute != null) {
      if (urlAttribute.thunk().force() instanceof Str str && str.literal() != null) {
        urlText = Optional.of(str.literal());
        reference = FlakeRef.parse(str.literal());
        computed |= reference.isEmpty();
      } else {
        computed = true;
      }
    } else if (spec.entries().get("type") != null) {
      Map<String, String> attributes = new LinkedHashMap<>();
      for (Map.Entry<String, Entry> part : spec.entries().entrySet()) {
        if (INPUT_SETTINGS.contains(part.getKey())) {
          continue;
        }
        Value value = part.getValue().thunk().force();
        if (value instanceof Str str && str.literal() != null) {
          attributes.put(part.getKey(), str.literal());
        } else if (value instanceof Bool bool) {
          attributes.put(part.getKey(), Boolean.toString(bool.value()));
        } else {
          computed = true;
        }
      }
      reference = Optional.of(FlakeRef.fromAttributes(attributes));
    } else if (follows.isEmpty() && !computed) {
      // Neither a URL nor a follows: Nix looks the input's name up in the flake registry.
      reference = FlakeRef.parse("flake:" + name);
    }
    return new DeclaredInput(name, location, reference, urlText, computed, follows, flake,
        overrides(spec, source));
  }

  /** {@code inputs.<name>.follows} entries inside an input's set. */
  private static List<DeclaredInput.InputOverride> overrides(Attrs spec, SourceFile source) {
    if (!(spec.get("inputs") instanceof Attrs nestedInputs)) {
      return List.of();
    }
    List<DeclaredInput.InputOverride> overrides = new ArrayList<>();
    for (Map.Entry<String, Entry> override : nestedInputs.entries().entrySet()) {
      if (override.getValue().thunk().force() instanceof Attrs overrideSpec
          && overrideSpec.get("follows") instanceof Str str && str.literal() != null) {
        overrides.add(new DeclaredInput.InputOverride(override.getKey(), DeclaredInput.followsPath(str.literal()),
            source.locationAt(override.getValue().nameSpan().offset())));
      }
    }
    return overrides;
  }
}
