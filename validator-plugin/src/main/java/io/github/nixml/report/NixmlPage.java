package io.github.nixml.report;

import io.github.nixml.model.DevShell;
import io.github.nixml.model.LibraryPath;
import io.github.nixml.model.NixpkgsInstance;
import io.github.nixml.model.PackageRef;
import io.github.nixml.model.PythonInterpreter;
import io.github.nixml.model.ShellCommand;
import io.github.nixml.model.ShellText;
import io.github.nixml.model.ShellWord;
import io.github.nixml.model.VenvStrategy;
import io.github.nixml.nix.eval.PlatformGuard;
import io.github.nixml.nix.syntax.SourceSpan;
import io.github.nixml.validate.Finding;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.RuleDocs;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.SourceFile;
import io.github.nixml.validate.ValidationConfig;
import io.github.nixml.validate.ValidationResult;
import io.github.nixml.validate.facts.InstalledDistributions;
import io.github.nixml.validate.facts.ProjectShells;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The content of the human report, once for every form of it: a summary, the findings grouped by project and file
 * with the source lines around each, each dev shell per system as the model understood it (interpreter, packages
 * with their nixpkgs instance and platform guard, library paths, variables, hook commands, venv strategy, and every
 * unknown with its reason), and the documentation of each rule that fired. It knows nothing of HTML: it talks to a
 * {@link PageSink}.
 */
public final class NixmlPage {
  /** Lines shown before and after a finding's line. */
  static final int CONTEXT_LINES = 2;

  private final ValidationResult result;
  private final List<ProjectShells> projects;
  private final ToolInfo tool;
  private final Map<String, SourceFile> sources = new HashMap<>();

  public NixmlPage(ValidationResult result, List<ProjectShells> projects, ToolInfo tool) {
    this.result = result;
    this.projects = List.copyOf(projects);
    this.tool = tool;
  }

  /** The page of a run: the result and the model of each of its projects, read afresh. */
  public static NixmlPage of(ValidationResult result, ValidationConfig config, ToolInfo tool) {
    return new NixmlPage(result, ProjectShells.read(result.root(), result.projects(), config), tool);
  }

  /** The whole report, one top section titled {@code nixml report}. */
  public void render(PageSink sink) {
    sink.startSection("nixml", "nixml report");
    summary(sink);
    findings(sink);
    shells(sink);
    rules(sink);
    sink.endSection();
  }

  /** Only what the model understood of each shell ({@code nixml show}). */
  public void renderShells(PageSink sink) {
    sink.startSection("nixml", "nixml: the dev shells of " + result.root());
    shells(sink);
    sink.endSection();
  }

  private void summary(PageSink sink) {
    sink.startSection("summary", "Summary");
    sink.facts(List.of(
        new PageSink.Fact("Checked", result.root().toString()),
        new PageSink.Fact("Tool", tool.name() + " " + tool.version()),
        new PageSink.Fact("Projects", String.valueOf(result.projects().size())),
        new PageSink.Fact("Nix files", String.valueOf(result.nixFileCount())),
        new PageSink.Fact("Errors", String.valueOf(result.count(Severity.ERROR))),
        new PageSink.Fact("Warnings", String.valueOf(result.count(Severity.WARNING))),
        new PageSink.Fact("Notes", String.valueOf(result.count(Severity.NOTE)))));
    for (String notice : result.notices()) {
      sink.paragraph("Notice: " + notice);
    }
    sink.endSection();
  }

  private void findings(PageSink sink) {
    sink.startSection("findings", "Findings");
    if (result.findings().isEmpty()) {
      sink.paragraph("No findings.");
    }
    Map<String, Map<String, List<Finding>>> byProject = new LinkedHashMap<>();
    for (Finding finding : result.findings()) {
      String path = finding.location().path();
      byProject.computeIfAbsent(result.projectOf(path), p -> new LinkedHashMap<>())
          .computeIfAbsent(path, p -> new ArrayList<>()).add(finding);
    }
    int fileNumber = 0;
    for (Map.Entry<String, Map<String, List<Finding>>> project : byProject.entrySet()) {
      sink.startSection("findings-" + slug(project.getKey()), "Project " + projectName(project.getKey()));
      for (Map.Entry<String, List<Finding>> file : project.getValue().entrySet()) {
        sink.startSection("file-" + ++fileNumber, file.getKey());
        for (Finding finding : file.getValue()) {
          finding(sink, finding);
        }
        sink.endSection();
      }
      sink.endSection();
    }
    sink.endSection();
  }

  private void finding(PageSink sink, Finding finding) {
    Location location = finding.location();
    String where = location.isWholeFile() ? "whole file" : "line " + location.line() + ", column " + location.column();
    sink.paragraph(finding.severity().id() + " [" + finding.ruleId() + "] " + where + ": " + finding.message());
    if (!location.isWholeFile()) {
      SourceFile file = source(location.path());
      int first = Math.max(1, location.line() - CONTEXT_LINES);
      int last = Math.min(file.lineCount(), location.line() + CONTEXT_LINES);
      if (first <= last) {
        List<String> lines = new ArrayList<>();
        for (int line = first; line <= last; line++) {
          lines.add(file.line(line));
        }
        sink.source(first, lines, location.line());
      }
    }
    if (!finding.related().isEmpty()) {
      sink.paragraph("Related: " + finding.related().stream().map(Location::toString)
          .collect(Collectors.joining(", ")));
    }
    finding.fix().ifPresent(fix -> sink.paragraph("Fix (mvn nixml:fix applies it): " + fix.description()));
    sink.paragraph("Rule " + finding.ruleId() + ": " + descriptor(finding.ruleId())
        .map(RuleDescriptor::shortDescription).orElse("") + " (explained under Rules)");
  }

  private void rules(PageSink sink) {
    Set<String> fired = new TreeSet<>();
    result.findings().forEach(finding -> fired.add(finding.ruleId()));
    if (fired.isEmpty()) {
      return;
    }
    sink.startSection("rules", "Rules");
    for (String id : fired) {
      sink.startSection("rule-" + id, id);
      descriptor(id).ifPresent(rule -> sink.paragraph(rule.shortDescription() + " (" + rule.helpUri() + ")"));
      // docs/rules.md marks some anchors with HTML, which the page would show as text.
      RuleDocs.of(id).map(docs -> docs.replaceAll("(?m)^<a id=\"[a-z0-9-]*\"></a>\n?", "").stripTrailing() + "\n")
          .ifPresent(sink::preformatted);
      sink.endSection();
    }
    sink.endSection();
  }

  private void shells(PageSink sink) {
    sink.startSection("shells", "Dev shells");
    sink.paragraph("Each dev shell as nixml understood it, per system. Rules stay silent on what the model does not"
        + " know: the unknowns below say where, and why.");
    for (ProjectShells project : projects) {
      sink.startSection("shells-" + slug(project.directory()), "Project " + projectName(project.directory()));
      for (ProjectShells.Unknown unknown : project.unknowns()) {
        sink.paragraph("Unknown: " + unknown.subject() + ": " + unknown.reason());
      }
      installed(sink, project);
      if (project.model().readable() && project.model().shells().isEmpty()) {
        sink.paragraph(project.devenvProject() ? "devenv.nix defines no dev shell the model found."
            : project.nixShell() ? project.flake().path() + " gives no dev shell the model found."
            : "The flake defines no dev shell the model found.");
      }
      for (DevShell shell : project.model().shells()) {
        List<String> systems = shell.systems().map(s -> List.copyOf(new TreeSet<>(s))).orElse(List.of());
        if (systems.isEmpty()) {
          shell(sink, project, shell, Optional.empty());
        }
        for (String system : systems) {
          shell(sink, project, shell, Optional.of(system));
        }
      }
      sink.endSection();
    }
    sink.endSection();
  }

  /**
   * What the project's locks and pinned requirements install on Linux: how many, and each distribution built for a
   * CUDA major with that major (a model fact the CUDA rules use).
   */
  private static void installed(PageSink sink, ProjectShells project) {
    List<InstalledDistributions.Distribution> pinned = project.installed().pinned();
    if (pinned.isEmpty()) {
      return;
    }
    List<InstalledDistributions.Distribution> cuda =
        pinned.stream().filter(d -> d.cudaMajor().isPresent()).toList();
    sink.paragraph("Installed on Linux (locked or pinned): " + pinned.size() + " distributions, "
        + (cuda.isEmpty() ? "none built for a CUDA major." : cuda.size() + " built for a CUDA major:"));
    if (!cuda.isEmpty()) {
      sink.table(List.of("Distribution", "Version", "CUDA major", "Where"), cuda.stream()
          .map(d -> List.of(d.name(), d.version().orElse(""), String.valueOf(d.cudaMajor().getAsInt()),
              d.location().toString()))
          .toList());
    }
  }

  private void shell(PageSink sink, ProjectShells project, DevShell shell, Optional<String> system) {
    // devenv.nix and nix-shell's files name no systems: the shell is built for the system it runs on
    String title = project.devenvProject() ? "devenv." + shell.name() + " (the system devenv runs on)"
        : project.nixShell() ? (project.directory().isEmpty() ? "" : project.directory() + "/") + shell.name()
            + " (nix-shell, on the machine's system)"
        : system.map(s -> "devShells." + s + "." + shell.name())
            .orElse("devShells." + shell.name() + " (systems unknown)");
    sink.startSection("shell-" + slug(project.directory()) + "-" + slug(title), title);
    List<PageSink.Fact> facts = new ArrayList<>();
    facts.add(new PageSink.Fact("Layout", shell.layout().id()));
    facts.add(new PageSink.Fact("Defined at", where(project, shell.location())));
    facts.add(new PageSink.Fact("nixpkgs instance", instance(shell.instance())));
    facts.add(new PageSink.Fact("Interpreter", interpreters(project, shell)));
    facts.add(new PageSink.Fact("Venv strategy", venv(project, shell)));
    libraryPathVariable(shell).ifPresent(value -> facts.add(new PageSink.Fact("LD_LIBRARY_PATH", value)));
    sink.facts(facts);

    List<List<String>> packages = new ArrayList<>();
    for (PackageRef ref : shell.packages().packages()) {
      packages.add(packageRow(project, ref, system));
    }
    sink.paragraph(packages.isEmpty() ? "Packages: none." : "Packages:");
    if (!packages.isEmpty()) {
      sink.table(List.of("Package", "nixpkgs instance", "Platforms", "On this system", "Where"), packages);
    }
    if (!shell.packages().pythonModules().isEmpty()) {
      sink.paragraph("Python modules of its withPackages environments (as far as the model can list them):");
      sink.table(List.of("Package", "nixpkgs instance", "Platforms", "On this system", "Where"),
          shell.packages().pythonModules().stream().map(ref -> packageRow(project, ref, system)).toList());
    }
    for (LibraryPath path : shell.libraryPaths()) {
      sink.paragraph("Library path (lib.makeLibraryPath at " + where(project, path.location()) + "):");
      List<List<String>> rows = new ArrayList<>();
      for (PackageRef ref : path.entries().packages()) {
        rows.add(packageRow(project, ref, system));
      }
      sink.table(List.of("Package", "nixpkgs instance", "Platforms", "On this system", "Where"), rows);
    }
    if (!shell.env().isEmpty()) {
      sink.paragraph("Environment variables:");
      sink.table(List.of("Name", "Value"), shell.env().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .map(entry -> List.of(entry.getKey(), entry.getValue().text())).toList());
    }
    for (ShellText hook : shell.hooks()) {
      sink.paragraph("Commands of " + hook.name() + " (" + where(project, hook.location()) + "):");
      List<List<String>> rows = new ArrayList<>();
      for (ShellCommand command : hook.commands()) {
        rows.add(List.of(command.words().stream().map(NixmlPage::word).collect(Collectors.joining(" "))));
      }
      sink.table(List.of("Command"), rows);
    }
    shell.runScript().ifPresent(script -> sink.paragraph("runScript: " + script.text()));
    List<ProjectShells.Unknown> unknowns = project.unknowns(shell);
    if (unknowns.isEmpty()) {
      sink.paragraph("Unknowns: none, the model resolved everything in this shell.");
    } else {
      sink.paragraph("Unknowns:");
      sink.table(List.of("What", "Why", "Where"), unknowns.stream().map(unknown -> List.of(unknown.subject(),
          unknown.reason(), unknown.location().map(Location::toString).orElse(""))).toList());
    }
    sink.endSection();
  }

  private List<String> packageRow(ProjectShells project, PackageRef ref, Optional<String> system) {
    String here = system.map(s -> PlatformGuard.ofSystem(s).and(ref.guard()).isNever() ? "no" : "yes")
        .orElse("");
    return List.of(ref.name(), ref.source() == null ? "unknown" : ref.source().input(), guard(ref.guard()), here,
        where(project, ref.location()));
  }

  /** {@code all platforms}, or {@code only on linux}: the guard a package is listed under. */
  static String guard(PlatformGuard guard) {
    return guard.equals(PlatformGuard.ALWAYS) ? "all platforms" : "only on " + guard;
  }

  private static String instance(NixpkgsInstance instance) {
    if (instance == null) {
      return "unknown";
    }
    return "input " + instance.input() + "; allowUnfree " + flag(instance.unfreeAllowed().name())
        + "; cudaSupport " + flag(instance.cudaSupport().name());
  }

  private static String flag(String tristate) {
    return tristate.toLowerCase(java.util.Locale.ROOT);
  }

  private static String interpreters(ProjectShells project, DevShell shell) {
    List<PythonInterpreter> found = shell.interpreters();
    if (found.isEmpty()) {
      return "none the model can name (an unversioned python3 is whatever nixpkgs makes it)";
    }
    Map<String, PythonInterpreter> firstOfEach = new LinkedHashMap<>();
    found.forEach(python -> firstOfEach.putIfAbsent(python.attribute(), python));
    return firstOfEach.values().stream().map(python -> python.attribute() + " (Python " + python.version() + ", "
        + project.at(python.ref().location()) + ")").collect(Collectors.joining("; "));
  }

  private static String venv(ProjectShells project, DevShell shell) {
    List<VenvStrategy> strategies = VenvStrategy.of(shell);
    if (strategies.isEmpty()) {
      return "none found";
    }
    return strategies.stream().map(strategy -> venvKind(strategy.kind())
        + strategy.directory().map(dir -> " into " + dir).orElse("")
        + " (" + project.at(strategy.location()) + ")").collect(Collectors.joining("; "));
  }

  private static String venvKind(VenvStrategy.Kind kind) {
    return switch (kind) {
      case VENV_SHELL_HOOK -> "venvShellHook";
      case UV_SYNC -> "uv sync / uv run";
      case UV_VENV -> "uv venv";
      case PYTHON_VENV -> "python -m venv";
      case VIRTUALENV -> "virtualenv";
      case POETRY -> "poetry";
      case ACTIVATE -> "source …/bin/activate (activates, creates nothing)";
      case ACTIVATE_BUILT -> "source ${…}/bin/activate (a venv Nix builds)";
    };
  }

  /** LD_LIBRARY_PATH as the shell sets it: its variable, else the last assignment in its hooks. */
  private static Optional<String> libraryPathVariable(DevShell shell) {
    String name = "LD_LIBRARY_PATH";
    Optional<String> value = Optional.ofNullable(shell.env().get(name)).map(ShellText::text);
    for (ShellCommand.Assignment assignment : shell.hookAssignments()) {
      if (assignment.name().equals(name)) {
        value = Optional.of(word(assignment.value()) + (assignment.exported() ? " (exported)" : " (not exported)"));
      }
    }
    return value;
  }

  /** A shell word as written: text, {@code $variables} and {@code ${…}} for what is not text. */
  static String word(ShellWord word) {
    StringBuilder out = new StringBuilder();
    for (ShellWord.Segment segment : word.segments()) {
      if (segment instanceof ShellWord.Text text) {
        out.append(text.text());
      } else if (segment instanceof ShellWord.Variable variable) {
        out.append(variable.written());
      } else if (segment instanceof ShellWord.Piece piece) {
        out.append(piece.piece().display());
      }
    }
    return out.toString();
  }

  private static String where(ProjectShells project, SourceSpan span) {
    return span == null ? "" : project.at(span).toString();
  }

  private Optional<RuleDescriptor> descriptor(String id) {
    return result.rules().stream().filter(rule -> rule.id().equals(id)).findFirst();
  }

  private SourceFile source(String path) {
    return sources.computeIfAbsent(path,
        p -> SourceFile.read(result.root().resolve(p), p, ValidationConfig.DEFAULT_MAX_FILE_BYTES));
  }

  private static String projectName(String directory) {
    return directory.isEmpty() ? "." : directory;
  }

  /** An id fragment: letters, digits and dashes. */
  static String slug(String text) {
    String slug = text.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
    return slug.isEmpty() ? "root" : slug;
  }
}
