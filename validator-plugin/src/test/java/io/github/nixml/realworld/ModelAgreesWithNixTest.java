package io.github.nixml.realworld;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nixml.model.DevShell;
import io.github.nixml.model.FlakeModel;
import io.github.nixml.model.NixpkgsInstance;
import io.github.nixml.model.PackageRef;
import io.github.nixml.model.ShellCommand;
import io.github.nixml.model.ShellPiece;
import io.github.nixml.model.ShellText;
import io.github.nixml.model.Tristate;
import io.github.nixml.nix.NixFrontEnd;
import io.github.nixml.nix.eval.PlatformGuard;
import io.github.nixml.testing.Oracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The model of each fixture's {@code flake.nix} against Nix's own evaluation of it through the stub nixpkgs: per dev
 * shell and per declared system, its packages (last attribute name and nixpkgs instance, present or guarded away), its
 * variable names and literal values, and the programs its hooks run. The model may say unknown; it must never say
 * something different, except for the disagreements listed, each with its reason, in the known-disagreements file.
 */
class ModelAgreesWithNixTest {
  static final Path KNOWN = NixEvaluatedShellsTest.STUBS.resolve("model-disagreements.txt");
  static final Path REPORT = Path.of("target/model-agrees-with-nix.txt");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One field's tally. */
  static final class Tally {
    int agree;
    int unknown;
    int disagree;

    void add(Tally other) {
      agree += other.agree;
      unknown += other.unknown;
      disagree += other.disagree;
    }

    @Override
    public String toString() {
      int known = agree + disagree;
      return agree + " agree / " + unknown + " model-unknown / " + disagree + " disagree"
          + (known == 0 ? "" : String.format(" (agreement %.1f%% of known, %.1f%% of all)",
              100.0 * agree / known, 100.0 * agree / (known + unknown)));
    }
  }

  /** The comparison of one flake: a tally per field and the disagreements, each a stable one-line key. */
  static final class Comparison {
    final Map<String, Tally> fields = new TreeMap<>();
    final Set<String> disagreements = new TreeSet<>();
    int shells;
    final String flake;

    Comparison(String flake) {
      this.flake = flake;
    }

    Tally field(String name) {
      return fields.computeIfAbsent(name, n -> new Tally());
    }

    void agree(String field) {
      field(field).agree++;
    }

    void unknown(String field) {
      field(field).unknown++;
    }

    void disagree(String field, String shell, String detail) {
      field(field).disagree++;
      disagreements.add(flake + " | " + shell + " | " + field + ": " + detail);
    }
  }

  @Test
  void theModelAgreesWithNixOrSaysUnknown() throws Exception {
    Oracle.NIX_PARSE.assumeAvailable(); // nix-instantiate: skips visibly, fails under -Dnixml.requireOracle=true
    Map<String, String> exclusions = NixEvaluatedShellsTest.exclusions();
    List<NixEvaluatedShellsTest.FixtureFlake> flakes = NixEvaluatedShellsTest.fixtureFlakes().stream()
        .filter(flake -> !exclusions.containsKey(flake.key())).toList();
    Map<String, Path> files = new LinkedHashMap<>();
    flakes.forEach(flake -> files.put(flake.key(), flake.file()));

    List<Comparison> comparisons = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (NixEvaluatedShellsTest.Evaluation evaluation : NixEvaluatedShellsTest.evaluateAll(flakes)) {
      if (!evaluation.evaluated()) {
        failures.add(evaluation.flake() + ": Nix could not evaluate it: " + evaluation.output());
        continue;
      }
      // read as the project's facts read it: bytes, so an invalid UTF-8 flake is modelled as Nix reads it
      // with the files of its directory, as the project's facts read them
      Path flakeFile = files.get(evaluation.flake());
      io.github.nixml.nix.NixFile parsed = NixFrontEnd.analyze(Files.readAllBytes(flakeFile));
      FlakeModel model = FlakeModel.of(parsed, io.github.nixml.nix.eval.TreeLowering.lower(parsed),
          new io.github.nixml.model.FlakeDirectory(flakeFile.getParent(), name -> {
            try {
              return java.util.Optional.of(Files.readString(flakeFile.getParent().resolve(name)));
            } catch (java.io.IOException e) {
              return java.util.Optional.empty();
            }
          }));
      comparisons.add(compare(evaluation.flake(), JSON.readTree(evaluation.output()), model));
    }

    Map<String, String> known = knownDisagreements();
    Set<String> found = new TreeSet<>();
    comparisons.forEach(c -> found.addAll(c.disagreements));
    for (String disagreement : found) {
      if (!known.containsKey(disagreement)) {
        failures.add("the model says something different from Nix: " + disagreement);
      }
    }
    for (String listed : known.keySet()) {
      if (!found.contains(listed)) {
        failures.add("listed in " + KNOWN + " but no longer occurs (remove it): " + listed);
      }
    }
    String report = report(comparisons, found, known);
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, report, StandardCharsets.UTF_8);
    System.out.println(report);
    assertThat(failures).as("model vs Nix (report in %s)", REPORT).isEmpty();
  }

  static Comparison compare(String flake, JsonNode nix, FlakeModel model) {
    Comparison comparison = new Comparison(flake);
    for (Iterator<Map.Entry<String, JsonNode>> systems = nix.path("devShells").fields(); systems.hasNext(); ) {
      Map.Entry<String, JsonNode> system = systems.next();
      for (Iterator<Map.Entry<String, JsonNode>> shells = system.getValue().fields(); shells.hasNext(); ) {
        Map.Entry<String, JsonNode> shell = shells.next();
        comparison.shells++;
        String where = shell.getKey() + " on " + system.getKey();
        List<DevShell> candidates = model.shells().stream()
            .filter(s -> s.name().equals(shell.getKey()))
            .filter(s -> s.systems().map(set -> set.contains(system.getKey())).orElse(true))
            .toList();
        if (candidates.size() != 1) {
          if (candidates.isEmpty() && model.readable() && model.shellsComplete()) {
            comparison.disagree("shell", shell.getKey(), "Nix has the shell on " + system.getKey()
                + ", the model does not");
          } else {
            comparison.unknown("shell");
          }
          continue;
        }
        comparison.agree("shell");
        compareShell(comparison, system.getKey(), shell.getKey(), shell.getValue(), candidates.get(0));
      }
    }
    return comparison;
  }

  private static void compareShell(Comparison comparison, String system, String name, JsonNode nix, DevShell shell) {
    comparePackages(comparison, system, name, packagesWithDevenvPython(nix), shell);
    compareEnv(comparison, system, name, nix.path("env"), nix.path("envEval"), nix.path("hooks"), shell);
    compareHooks(comparison, name, nix.path("hooks"), shell);
  }

  /**
   * The shell's packages, with devenv's {@code languages.python} interpreter as a package, as the model lists it
   * ({@code package}, else {@code version} "3.12" as {@code python312}).
   */
  private static JsonNode packagesWithDevenvPython(JsonNode nix) {
    JsonNode python = nix.path("python");
    if (!python.path("enable").asBoolean(false)) {
      return nix.path("packages");
    }
    com.fasterxml.jackson.databind.node.ArrayNode packages = nix.path("packages").deepCopy();
    if (python.path("package").isObject()) {
      packages.add(python.path("package"));
    } else if (python.path("version").isTextual()) {
      String[] version = python.path("version").asText().split("\\.");
      if (version.length >= 2) {
        packages.addObject().put("name", "python" + version[0] + version[1])
            .put("instance", nix.path("instance").asText());
      }
    }
    return packages;
  }

  /** A package as both sides name it: the attribute's last name ({@code python312}, {@code cudatoolkit}). */
  private static String packageName(JsonNode nixPackage) {
    if ("python-env".equals(nixPackage.path("kind").asText())) {
      return nixPackage.path("interpreter").asText();
    }
    String name = nixPackage.path("name").asText(null);
    if (name == null) {
      return null;
    }
    return name.substring(name.lastIndexOf('.') + 1);
  }

  private static String packageName(PackageRef ref) {
    List<String> path = ref.attrPath();
    if (path.size() > 1 && path.get(path.size() - 1).equals("withPackages")) {
      return path.get(path.size() - 2);
    }
    if (path.size() > 1 && path.get(path.size() - 1).equals("python")
        && path.get(path.size() - 2).matches("python\\d+Packages")) {
      return path.get(path.size() - 2).replace("Packages", ""); // python312Packages.python is python312
    }
    return ref.last();
  }

  /** The stub's instance tag of a model instance, or empty when some flag is unknown to the model. */
  static Optional<String> instanceTag(NixpkgsInstance instance) {
    if (instance == null || instance.allowUnfree() == Tristate.UNKNOWN
        || instance.allowUnfreePredicate() == Tristate.UNKNOWN || instance.cudaSupport() == Tristate.UNKNOWN) {
      return Optional.empty();
    }
    return Optional.of(instance.input()
        + (instance.allowUnfree() == Tristate.TRUE ? "+unfree" : "")
        + (instance.allowUnfreePredicate() == Tristate.TRUE ? "+unfree-predicate" : "")
        + (instance.cudaSupport() == Tristate.TRUE ? "+cuda" : ""));
  }

  /** The stub's tag without the flags the model does not track ({@code rocmSupport}). */
  private static String comparableTag(String nixInstance) {
    return nixInstance.replace("+rocm", "");
  }

  private static void comparePackages(Comparison comparison, String system, String shellName, JsonNode nixPackages,
      DevShell shell) {
    Map<String, List<String>> nixByName = new TreeMap<>();
    for (JsonNode p : nixPackages) {
      String name = packageName(p);
      if (name == null) {
        comparison.unknown("package"); // a string, an unknown input or value in the list: nothing to compare with
      } else {
        nixByName.computeIfAbsent(name, n -> new ArrayList<>()).add(comparableTag(p.path("instance").asText()));
      }
    }
    PlatformGuard platform = PlatformGuard.ofSystem(system);
    Map<String, List<PackageRef>> modelByName = new TreeMap<>();
    for (PackageRef ref : shell.packages().packages()) {
      modelByName.computeIfAbsent(packageName(ref), n -> new ArrayList<>()).add(ref);
    }
    Set<String> modelNames = modelByName.keySet();
    for (Map.Entry<String, List<PackageRef>> entry : modelByName.entrySet()) {
      String name = entry.getKey();
      // the same package may appear under several guards (one per branch): present where any of them holds
      List<PackageRef> present = entry.getValue().stream().filter(ref -> !ref.guard().and(platform).isNever()).toList();
      List<String> instances = nixByName.getOrDefault(name, List.of());
      if (present.isEmpty()) {
        if (instances.isEmpty()) {
          comparison.agree("package");
        } else {
          comparison.disagree("package", shellName, name + " guarded away ("
              + entry.getValue().stream().map(ref -> ref.guard().toString()).distinct().toList() + ") on " + system
              + ", Nix has it");
        }
        continue;
      }
      if (instances.isEmpty()) {
        comparison.disagree("package", shellName, name + " present on " + system + " per the model, absent in Nix");
        continue;
      }
      for (PackageRef ref : present) {
        Optional<String> tag = instanceTag(ref.source());
        if (tag.isEmpty()) {
          comparison.unknown("package");
        } else if (instances.contains(tag.get())) {
          comparison.agree("package");
        } else {
          comparison.disagree("package", shellName, name + " from " + tag.get() + " per the model, from "
              + String.join(",", new TreeSet<>(instances)) + " in Nix");
        }
      }
    }
    for (String name : nixByName.keySet()) {
      if (modelNames.contains(name)) {
        continue;
      }
      if (shell.packages().complete()) {
        comparison.disagree("package", shellName, name + " on " + system + " in Nix, missing from a complete model list");
      } else {
        comparison.unknown("package");
      }
    }
  }

  private static void compareEnv(Comparison comparison, String system, String shellName, JsonNode nixEnv, JsonNode nixEnvEval,
      JsonNode nixHooks, DevShell shell) {
    PlatformGuard platform = PlatformGuard.ofSystem(system);
    for (Map.Entry<String, ShellText> variable : shell.env().entrySet()) {
      JsonNode value = nixEnv.get(variable.getKey());
      if (variable.getValue().guard().and(platform).isNever()) {
        // the model has the variable only on other platforms (`// lib.optionalAttrs stdenv.isLinux { … }`)
        if (value == null) {
          comparison.agree("env");
        } else {
          comparison.disagree("env", shellName, variable.getKey() + " set on " + system + " in Nix, guarded away"
              + " by the model");
        }
        continue;
      }
      if (value == null && (nixHooks.has(variable.getKey()) || nixEnvEval.has(variable.getKey()))) {
        // mkShell passes venvShellHook's postVenvCreation as a variable; the stub lists it as a hook, and devshell's
        // `eval` entries apart: same name, the value is shell code
        comparison.agree("env");
        comparison.unknown("env-value");
        continue;
      }
      if (value == null) {
        comparison.disagree("env", shellName, variable.getKey() + " set on " + system + " per the model, not in Nix");
        continue;
      }
      comparison.agree("env");
      String rendered = literal(variable.getValue(), PlatformGuard.ofSystem(system));
      String literal = rendered == null ? null : sameLibOutput(rendered);
      if (literal == null) {
        comparison.unknown("env-value");
      } else if (literal.equals(nixValue(value))) {
        comparison.agree("env-value");
      } else {
        comparison.disagree("env-value", shellName, variable.getKey() + " = '" + literal + "' per the model, '"
            + nixValue(value) + "' in Nix");
      }
    }
    for (Iterator<String> names = nixEnv.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (shell.env().containsKey(name)) { // compared above
        continue;
      }
      if (shell.attributesComplete()) {
        comparison.disagree("env", shellName, name + " set on " + system + " in Nix, not in a complete model");
      } else {
        comparison.unknown("env");
      }
    }
  }

  /**
   * A stub value with packages named as the model names them: {@code python3XY.withPackages f} as the interpreter it
   * wraps, and the {@code lib} output {@code makeLibraryPath} takes ({@code stdenv.cc.cc.lib}) as its package.
   */
  private static String nixValue(JsonNode value) {
    return sameLibOutput(value.asText().replaceAll("(/stub/[^/]+/python\\d+)\\.withPackages/", "$1/"));
  }

  /** {@code makeLibraryPath [ stdenv.cc.cc ]} and {@code [ stdenv.cc.cc.lib ]} name the same directory. */
  private static String sameLibOutput(String value) {
    return value.replaceAll("(/stub/[^/:]+/[^/:]+)\\.lib/lib", "$1/lib");
  }

  /**
   * The text as the stubs render it, or null when the model does not know all of it: literal text, and a package's
   * store path as the stub's {@code /stub/<instance>/<attribute path>}.
   */
  private static String literal(ShellText text, PlatformGuard platform) {
    StringBuilder out = new StringBuilder();
    for (ShellPiece piece : text.pieces()) {
      if (piece instanceof ShellPiece.Literal literal) {
        out.append(literal.text());
      } else if (piece instanceof ShellPiece.PackagePath path && !path.attrPath().isEmpty()
          && instanceTag(path.instance()).isPresent()) {
        out.append("/stub/").append(instanceTag(path.instance()).get()).append('/')
            .append(String.join(".", path.attrPath()));
      } else if (piece instanceof ShellPiece.LibraryPathRef path && path.path().entries().complete()) {
        // lib.makeLibraryPath: each package present on this platform, as <store path>/lib, joined with ':'
        List<String> entries = new ArrayList<>();
        for (PackageRef ref : path.path().entries().packages()) {
          if (ref.guard().and(platform).isNever()) {
            continue;
          }
          Optional<String> tag = instanceTag(ref.source());
          if (tag.isEmpty()) {
            return null;
          }
          entries.add("/stub/" + tag.get() + "/" + ref.name() + "/lib");
        }
        out.append(String.join(":", entries));
      } else {
        return null;
      }
    }
    return out.toString();
  }

  private static void compareHooks(Comparison comparison, String shellName, JsonNode nixHooks, DevShell shell) {
    for (ShellText hook : shell.hooks()) {
      JsonNode text = nixHooks.get(hook.name());
      if (text == null) {
        comparison.disagree("hook", shellName, hook.name() + " per the model, not in Nix");
        continue;
      }
      if (!hook.complete()) {
        comparison.unknown("hook");
        continue;
      }
      List<String> modelPrograms = programs(hook.commands());
      List<String> nixPrograms = programs(new ShellText(hook.name(),
          List.of(new ShellPiece.Literal(text.asText())), true, hook.location()).commands());
      if (sameBut(modelPrograms, nixPrograms)) {
        comparison.agree("hook");
      } else {
        comparison.disagree("hook", shellName, hook.name() + " runs " + modelPrograms + " per the model, "
            + nixPrograms + " in Nix");
      }
    }
    for (Iterator<String> names = nixHooks.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (shell.hook(name).isPresent() || shell.env().containsKey(name)) {
        continue;
      }
      if (shell.attributesComplete() && (name.equals("shellHook") || name.equals("profile"))) {
        comparison.disagree("hook", shellName, name + " in Nix, not in a complete model");
      } else {
        comparison.unknown("hook");
      }
    }
  }

  private static List<String> programs(List<ShellCommand> commands) {
    return commands.stream().map(ShellCommand::programName).toList();
  }

  /** Equal lists, where a program the model cannot name ({@code ""}, an interpolation) matches any. */
  private static boolean sameBut(List<String> model, List<String> nix) {
    if (model.size() != nix.size()) {
      return false;
    }
    for (int i = 0; i < model.size(); i++) {
      if (!model.get(i).isEmpty() && !model.get(i).equals(nix.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code <disagreement>  # <reason>} lines; blank lines and {@code #} comments skipped. */
  static Map<String, String> knownDisagreements() throws IOException {
    Map<String, String> known = new TreeMap<>();
    if (!Files.exists(KNOWN)) {
      return known;
    }
    for (String line : Files.readAllLines(KNOWN, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int hash = line.lastIndexOf("  # ");
      known.put(hash < 0 ? line.strip() : line.substring(0, hash).strip(), hash < 0 ? "" : line.substring(hash + 4));
    }
    return known;
  }

  private static String report(List<Comparison> comparisons, Set<String> found, Map<String, String> known) {
    StringBuilder out = new StringBuilder("Model vs Nix (stub nixpkgs), per dev shell and system\n\n");
    Map<String, Tally> total = new TreeMap<>();
    int shells = 0;
    for (Comparison c : comparisons) {
      shells += c.shells;
      out.append(c.flake).append(": ").append(c.shells).append(" shell(s)");
      c.fields.forEach((field, tally) -> {
        total.computeIfAbsent(field, f -> new Tally()).add(tally);
        out.append("; ").append(field).append(' ').append(tally.agree).append('/').append(tally.unknown)
            .append('/').append(tally.disagree);
      });
      out.append('\n');
    }
    out.append("\nfixtures compared: ").append(comparisons.size()).append(", shells (per system): ").append(shells)
        .append("\n(per field: agree / model-unknown / disagree)\n");
    total.forEach((field, tally) -> out.append(String.format("  %-10s %s%n", field, tally)));
    out.append("\ndisagreements: ").append(found.size()).append(" (listed as known: ")
        .append(found.stream().filter(known::containsKey).count()).append(")\n");
    found.forEach(d -> out.append("  ").append(d).append(known.containsKey(d) ? "  # " + known.get(d) : "  (NOT LISTED)")
        .append('\n'));
    return out.toString();
  }
}
