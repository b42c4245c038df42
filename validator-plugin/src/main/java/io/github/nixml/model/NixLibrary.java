package io.github.nixml.model;

import io.github.nixml.model.Domain.LibPath;
import io.github.nixml.model.Domain.PerSystem;
import io.github.nixml.nix.NixFrontEnd;
import io.github.nixml.nix.eval.Evaluator;
import io.github.nixml.nix.eval.PieceStrings;
import io.github.nixml.nix.eval.PlatformGuard;
import io.github.nixml.nix.eval.Term;
import io.github.nixml.nix.eval.Thunk;
import io.github.nixml.nix.eval.TreeLowering;
import io.github.nixml.nix.eval.Value;
import io.github.nixml.nix.eval.Value.Alternative;
import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Entry;
import io.github.nixml.nix.eval.Value.Str;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * nixml's own Nix sources of nixpkgs' {@code lib}, flake-utils' {@code lib}, flake-parts' {@code lib} (with
 * numtide devshell's and devenv's flake modules) and nix-systems (resources under
 * {@code nixml/nix/}), evaluated by the flake's own evaluator: {@code lib.optionals}, {@code genAttrs},
 * {@code eachDefaultSystem} are Nix functions, not entries of a table. Each source is parsed once per JVM; its
 * value is computed once per evaluator, when first named. Two primitives stand in for functions whose result is
 * the model's data: {@code makeLibraryPath} gives the list of packages it names ({@link LibPath}), and
 * flake-utils' {@code eachSystem} applies the per-system function once, to a system that is one of the list
 * (per platform), and keeps the list ({@link PerSystem}); flake-parts' are {@link FlakeParts}.
 */
final class NixLibrary {
  /** One source file. */
  enum Source {
    LIB("lib.nix"), FLAKE_UTILS("flake-utils.nix"), SYSTEMS("nix-systems.nix"), FLAKELIGHT("flakelight.nix"),
    FLAKE_UTILS_PLUS("flake-utils-plus.nix"), FLAKE_PARTS("flake-parts.nix"), BLUEPRINT("blueprint.nix");

    final String file;

    Source(String file) {
      this.file = file;
    }

    /** The resource path, for tests that hand the same file to Nix. */
    String resource() {
      return "/nixml/nix/" + file;
    }
  }

  private static final Map<Source, Term> TERMS = new EnumMap<>(Source.class);

  /** The folder the positions of these sources name: no project file has it. */
  static final String OWN_SOURCES = "<nixml>/";

  /**
   * nixpkgs' {@code lib}, evaluated once per thread and shared by every project that thread checks (a monorepo
   * run built its ten sections and their {@code //} for each project: a tenth of the time). It depends on no
   * project: a plain Nix source over builtins, evaluated by a {@linkplain Evaluator#library library evaluator};
   * its functions run in the evaluator that applies them, the one of the project. Per thread, because forcing a
   * thunk is not safe from two threads at once.
   */
  private static final ThreadLocal<Thunk> SHARED_LIB = ThreadLocal.withInitial(() -> {
    Evaluator libraryEvaluator = Evaluator.library(text(Source.LIB));
    return new Thunk(() -> open(call(libraryEvaluator, Source.LIB, Map.of("primitives", Thunk.of(attrs(Map.of(
        "makeLibraryPath", new Value.Native("makeLibraryPath", 1,
            (ev, self, at) -> new LibPath(self.args().get(0), at), List.of(), null),
        "callPackageWith", new Value.Native("callPackageWith", 3, (ev, self, at) -> CallPackage.call(ev,
            self.args().get(0), self.args().get(1), self.args().get(2), at), List.of(), null),
        "removeSuffixOfPieces", new Value.Native("removeSuffixOfPieces", 3, (ev, self, at) ->
            PieceStrings.removeSuffix(ev, self.args().get(0), self.args().get(1), self.args().get(2), at), List.of(),
            null))))))));
  });

  private final Evaluator evaluator;
  private final Thunk systems;
  private final Thunk lib;
  private final Thunk flakeUtils;
  private final Thunk flakeParts;

  NixLibrary(Evaluator evaluator) {
    this.evaluator = evaluator;
    this.systems = new Thunk(() -> evaluator.eval(term(Source.SYSTEMS), evaluator.rootEnv()));
    this.lib = SHARED_LIB.get();
    this.flakeUtils = new Thunk(() -> flakeUtilsWith(systems));
    this.flakeParts = new Thunk(() -> open(FlakeParts.located(evaluator, call(Source.FLAKE_PARTS, Map.of("lib",
        lib, "primitives", Thunk.of(FlakeParts.primitives()))))));
  }

  /** The parsed source; parsed once per JVM (a broken resource is a bug of nixml: it throws). */
  static Term term(Source source) {
    synchronized (TERMS) {
      return TERMS.computeIfAbsent(source, NixLibrary::load);
    }
  }

  /**
   * Evaluates {@code lib} for the calling thread, for the loading of what that needs: a warm-up thread's copy ends
   * with the thread.
   */
  static void evaluateOnce() {
    SHARED_LIB.get().force();
  }

  /** The text of a source, as shipped. */
  static String text(Source source) {
    try (InputStream in = NixLibrary.class.getResourceAsStream(source.resource())) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + source.resource());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses on a thread of its own with a large stack: the front end recurses deeply over a file this long. */
  private static Term load(Source source) {
    Term[] term = new Term[1];
    // its positions name the source (`<nixml>/flake-parts.nix`), so that no value made there (a module's shell, its
    // hook) is read as if it stood in the project's flake.nix
    Thread parser = new Thread(null, () -> term[0] = TreeLowering.lower(NixFrontEnd.analyze(text(source)),
        OWN_SOURCES + source.file).orElse(null), "nixml-lib-parser", 64L << 20);
    parser.start();
    try {
      parser.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (term[0] == null) {
      throw new IllegalStateException("nixml's " + source.file + " does not parse");
    }
    return term[0];
  }

  /** nixpkgs' {@code lib} ({@code pkgs.lib}, {@code nixpkgs.lib}). */
  Value lib() {
    return lib.force();
  }

  /** flake-utils' {@code lib}. */
  Value flakeUtils() {
    return flakeUtils.force();
  }

  /** flake-utils' {@code lib} per list of default systems (empty: unknown), each evaluated once. */
  private final Map<java.util.Optional<List<String>>, Value> flakeUtilsFor = new java.util.HashMap<>();

  /**
   * flake-utils' {@code lib} whose {@code defaultSystems} is its {@code systems} input as the flake sets it
   * ({@code flake-utils.inputs.systems.follows = "systems"}): {@code systems} that list, or null when unknown.
   */
  Value flakeUtils(List<String> systems) {
    if (systems != null && systems.equals(NixpkgsHost.DEFAULT_SYSTEMS)) {
      return flakeUtils();
    }
    java.util.Optional<List<String>> key = java.util.Optional.ofNullable(systems);
    Value known = flakeUtilsFor.get(key);
    if (known == null) {
      // evaluated before it is stored: the evaluation may itself name flake-utils
      known = flakeUtilsWith(Thunk.of(systems == null ? Value.UNKNOWN : systemList(systems)));
      flakeUtilsFor.put(key, known);
    }
    return known;
  }

  private Value flakeUtilsWith(Thunk defaultSystems) {
    return open(call(Source.FLAKE_UTILS, Map.of("defaultSystems", defaultSystems,
        "primitives", Thunk.of(attrs(Map.of("eachSystem", new Value.Native("eachSystem", 2,
            (ev, self, at) -> eachSystem(ev, self.thunks().get(0).force(), self.thunks().get(1), at), List.of(),
            null), "mergePerSystem", new Value.Native("mergePerSystem", 2,
            (ev, self, at) -> mergePerSystem(ev, self.args().get(0), self.args().get(1), at), List.of(),
            null)))))));
  }

  /** A list of system names as a Nix list. */
  static Value systemList(List<String> systems) {
    return new Value.ListV(systems.stream().map(system -> new Value.Item(Str.of(system, null),
        PlatformGuard.ALWAYS)).toList());
  }

  private Value flakelight;
  private Value flakeUtilsPlus;

  /** flake-utils-plus' {@code lib}: flake-utils' with {@code mkFlake}. */
  Value flakeUtilsPlus() {
    if (flakeUtilsPlus == null) {
      flakeUtilsPlus = open(call(Source.FLAKE_UTILS_PLUS, Map.of("flakeUtils", flakeUtils)));
    }
    return flakeUtilsPlus;
  }

  /**
   * flakelight's {@code lib} ({@code mkFlake}, {@code importDir}), given the flake's inputs (what flakelight reads
   * from flake.lock when the module sets no {@code inputs}) and the nixpkgs it uses when they have none.
   */
  Value flakelight(Value flakeInputs, Value defaultNixpkgs) {
    if (flakelight == null) {
      Value eachSystem = evaluator.select(flakeUtils(), "eachSystem", null);
      flakelight = open(call(Source.FLAKELIGHT, Map.of("lib", lib, "eachSystem", Thunk.of(eachSystem),
          "autoInputs", Thunk.of(flakeInputs), "defaultNixpkgs", Thunk.of(defaultNixpkgs),
          "primitives", Thunk.of(attrs(Map.of("definedAt", new Value.Native("definedAt", 2,
              (ev, self, at) -> definedAt(self.args().get(0), self.args().get(1)), List.of(), null)))))));
    }
    return flakelight;
  }

  /**
   * A shell flakelight built from a definition, placed where the definition is written: a function's own span, or
   * a set's first attribute (the shell's call is in nixml's source, which no report may point into).
   */
  private static Value definedAt(Value definition, Value shell) {
    if (!(shell instanceof Domain.Shell built)) {
      return shell;
    }
    io.github.nixml.nix.syntax.SourceSpan span = definition instanceof Value.Closure closure ? closure.lambda().span()
        : definition instanceof Attrs attrs ? attrs.entries().values().stream().map(Entry::keySpan)
            .filter(java.util.Objects::nonNull).findFirst().orElse(null) : null;
    return span == null ? Value.UNKNOWN
        : new Domain.Shell(built.kind(), built.builder(), built.instance(), built.attributes(), span);
  }

  /** flake-parts' {@code lib}, with numtide devshell's and devenv's flake modules ({@code flakeModules}). */
  Value flakeParts() {
    return flakeParts.force();
  }

  private Value blueprint;

  /**
   * numtide blueprint's call ({@code inputs.blueprint { inherit inputs; prefix = "nix"; }}), reading the flake's
   * folder {@code root}: {@code defaultSystems} the systems it builds when the call names none, {@code perSystemOf}
   * what {@code perSystem.<input>} holds for a system. Evaluated once per library, with the arguments of the first
   * call: one host serves one flake.
   */
  Value blueprint(Value root, Value defaultSystems, Value perSystemOf) {
    if (blueprint == null) {
      Value eachSystem = evaluator.select(flakeUtils(), "eachSystem", null);
      blueprint = call(Source.BLUEPRINT, Map.of("lib", lib, "eachSystem", Thunk.of(eachSystem), "root",
          Thunk.of(root), "defaultSystems", Thunk.of(defaultSystems), "perSystemOf", Thunk.of(perSystemOf)));
    }
    return blueprint;
  }

  /** {@code import systems}: nix-systems' list. */
  Value systems() {
    return systems.force();
  }

  private Value call(Source source, Map<String, Thunk> arguments) {
    return call(evaluator, source, arguments);
  }

  private static Value call(Evaluator evaluator, Source source, Map<String, Thunk> arguments) {
    Value function = evaluator.eval(term(source), evaluator.rootEnv());
    Map<String, Entry> entries = new LinkedHashMap<>();
    arguments.forEach((name, thunk) -> entries.put(name, new Entry(thunk, null)));
    return evaluator.apply(function, Thunk.of(new Attrs(entries, false)), null);
  }

  private static Attrs attrs(Map<String, Value> values) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    values.forEach((name, value) -> entries.put(name, new Entry(Thunk.of(value), null)));
    return new Attrs(entries, false);
  }

  /**
   * The set with its nested sets ({@code lib.strings}, {@code lib.systems.doubles}) open: the real library has
   * functions ours lacks, and naming one is unknown, not a missing attribute.
   */
  private static Value open(Value value) {
    if (!(value instanceof Attrs attrs)) {
      return value;
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    attrs.entries().forEach((name, entry) -> entries.put(name,
        new Entry(new Thunk(() -> open(entry.thunk().force())), entry.keySpan(), entry.nameSpan())));
    return new Attrs(entries, true);
  }

  /** flake-utils' {@code eachSystem systems f}: {@code f} applied once, to a system among {@code systems}. */
  private static Value eachSystem(Evaluator evaluator, Value systems, Thunk function, io.github.nixml.nix.syntax
      .SourceSpan at) {
    Set<String> names = Evaluator.strings(systems);
    return new PerSystem(names, evaluator.apply(function.force(), Thunk.of(systemAmong(names, at)), at));
  }

  /**
   * flake-utils' {@code meld} of parts that {@code eachSystem} made for the same systems: {@code { value = … }},
   * the parts' outputs merged by {@code merge} for a system among them; {@code { }} for any other parts (meld then
   * merges them as they are).
   */
  private static Value mergePerSystem(Evaluator evaluator, Value parts, Value merge,
      io.github.nixml.nix.syntax.SourceSpan at) {
    List<Value.Item> items = Evaluator.items(parts);
    if (items == null || items.isEmpty()) {
      return attrs(Map.of());
    }
    Set<String> systems = null;
    Value merged = attrs(Map.of());
    for (Value.Item item : items) {
      if (!(item.value() instanceof PerSystem part) || part.systems() == null
          || systems != null && !systems.equals(part.systems())) {
        return attrs(Map.of());
      }
      systems = part.systems();
      Value left = merged;
      merged = evaluator.apply(evaluator.apply(merge, Thunk.of(left), at), Thunk.of(part.outputs()), at);
    }
    return attrs(Map.of("value", new PerSystem(systems, merged)));
  }

  /**
   * A system that is one of {@code systems}, not known which: on each system's platform its name. Unknown when
   * the list is unknown or two of its systems share a platform.
   */
  static Value systemAmong(Set<String> systems, io.github.nixml.nix.syntax.SourceSpan at) {
    if (systems == null || systems.isEmpty() || !systems.stream().allMatch(PlatformGuard::hasOwnPlatform)) {
      return Value.UNKNOWN;
    }
    List<Alternative> alternatives = new ArrayList<>();
    for (String system : systems) {
      alternatives.add(new Alternative(PlatformGuard.ofSystem(system), Str.of(system, at)));
    }
    return alternatives.size() == 1 ? alternatives.get(0).value() : new Value.Choice(alternatives);
  }
}
