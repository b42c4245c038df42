package io.github.nixml.validate.facts;

import io.github.nixml.lock.FlakeRef;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.NixSource;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.SourceFile;
import java.util.ArrayList;
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
        : read(StaticValues.topLevel(context.get(ProjectFacts.FLAKE_EXPRESSION)), flake.source());
  }

  static DeclaredInputs read(StaticValue topLevel, SourceFile source) {
    if (!(topLevel instanceof StaticValue.Attrs top)) {
      return DeclaredInputs.NONE;
    }
    StaticValue.Attribute inputsAttribute = top.get("inputs");
    if (inputsAttribute == null) {
      return new DeclaredInputs(List.of(), top.complete(), Optional.empty());
    }
    Location inputsLocation = source.locationAt(inputsAttribute.nameOffset());
    if (!(inputsAttribute.value() instanceof StaticValue.Attrs inputs)) {
      return new DeclaredInputs(List.of(), false, Optional.of(inputsLocation));
    }
    List<DeclaredInput> declared = new ArrayList<>();
    boolean complete = inputs.complete();
    for (StaticValue.Attribute attribute : inputs.attributes().values()) {
      declared.add(input(attribute, source));
    }
    return new DeclaredInputs(declared, complete, Optional.of(inputsLocation));
  }

  private static DeclaredInput input(StaticValue.Attribute attribute, SourceFile source) {
    String name = attribute.name();
    Location location = source.locationAt(attribute.nameOffset());
    if (!(attribute.value() instanceof StaticValue.Attrs spec)) {
      return new DeclaredInput(name, location, Optional.empty(), Optional.empty(), true, Optional.empty(),
          Optional.empty(), List.of());
    }
    boolean computed = !spec.complete();
    Optional<List<String>> follows = Optional.empty();
    StaticValue.Attribute followsAttribute = spec.get("follows");
    if (followsAttribute != null) {
      if (followsAttribute.value() instanceof StaticValue.Text text) {
        follows = Optional.of(DeclaredInput.followsPath(text.value()));
      } else {
        computed = true;
      }
    }
    Optional<Boolean> flake = Optional.empty();
    StaticValue.Attribute flakeAttribute = spec.get("flake");
    if (flakeAttribute != null) {
      if (flakeAttribute.value() instanceof StaticValue.Bool bool) {
        flake = Optional.of(bool.value());
      } else {
        computed = true;
      }
    }
    Optional<String> urlText = Optional.empty();
    Optional<FlakeRef> reference = Optional.empty();
    StaticValue.Attribute urlAttribute = spec.get("url");
    if (urlAttribute != null) {
      if (urlAttribute.value() instanceof StaticValue.Text text) {
        urlText = Optional.of(text.value());
        reference = FlakeRef.parse(text.value());
        computed |= reference.isEmpty();
      } else {
        computed = true;
      }
    } else if (spec.get("type") != null) {
      Map<String, String> attributes = new LinkedHashMap<>();
      for (StaticValue.Attribute part : spec.attributes().values()) {
        if (INPUT_SETTINGS.contains(part.name())) {
          continue;
        }
        if (part.value() instanceof StaticValue.Text text) {
          attributes.put(part.name(), text.value());
        } else if (part.value() instanceof StaticValue.Bool bool) {
          attributes.put(part.name(), Boolean.toString(bool.value()));
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
  private static List<DeclaredInput.InputOverride> overrides(StaticValue.Attrs spec, SourceFile source) {
    StaticValue.Attribute nested = spec.get("inputs");
    if (nested == null || !(nested.value() instanceof StaticValue.Attrs nestedInputs)) {
      return List.of();
    }
    List<DeclaredInput.InputOverride> overrides = new ArrayList<>();
    for (StaticValue.Attribute override : nestedInputs.attributes().values()) {
      if (override.value() instanceof StaticValue.Attrs overrideSpec
          && overrideSpec.get("follows") != null
          && overrideSpec.get("follows").value() instanceof StaticValue.Text text) {
        overrides.add(new DeclaredInput.InputOverride(override.name(), DeclaredInput.followsPath(text.value()),
            source.locationAt(override.nameOffset())));
      }
    }
    return overrides;
  }
}
