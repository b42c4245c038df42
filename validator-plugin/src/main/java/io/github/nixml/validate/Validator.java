package io.github.nixml.validate;

import io.github.nixml.fix.Fix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The engine: finds the projects and Nix files under the root, runs every enabled rule (Nix-file rules once per
 * file, project rules once per project, projects in parallel), drops suppressed findings and returns them in a
 * stable order, so the same input always gives the same result.
 */
public final class Validator {
  private final RuleRegistry registry;

  public Validator(RuleRegistry registry) {
    this.registry = Objects.requireNonNull(registry);
  }

  public RuleRegistry registry() {
    return registry;
  }

  /**
   * Validates the request's root.
   *
   * @throws ValidationException when the root is not a readable directory or the configuration names an unknown rule
   */
  public ValidationResult validate(ValidationRequest request) throws ValidationException {
    ValidationConfig config = request.config();
    try {
      registry.checkKnown(config);
    } catch (IllegalArgumentException e) {
      throw new ValidationException(e.getMessage(), e);
    }
    Path root = realRoot(request.root());
    ProjectScanner.Scan scan = ProjectScanner.scan(root);
    List<String> projects = scan.projects();
    List<String> notices = scan.notices();
    if (projects.isEmpty()) {
      if (looksLikePythonProject(root)) {
        // A Python project without its flake, or one with a shell.nix for nix-shell: the root is the project, so
        // that its shell.nix is modelled, or the missing flake.nix reported.
        projects = List.of("");
      } else {
        notices = new ArrayList<>(notices);
        notices.add(0, "no project found in " + root + ": no flake.nix in it or below");
      }
    }

    if (!projects.isEmpty()) {
      WarmUp.start(root, projects);
    }
    List<Rule> enabled = registry.enabled(config);
    List<BoundRule<NixFileRule>> fileRules = new ArrayList<>();
    List<BoundRule<ProjectRule>> projectRules = new ArrayList<>();
    for (Rule rule : enabled) {
      Severity severity = config.severityOf(rule.descriptor());
      Severity noteSeverity = config.isSeverityConfigured(rule.id()) ? severity : Severity.NOTE;
      // A rule may be both (file-too-large checks every Nix file and each project's other files).
      if (rule instanceof NixFileRule nixFileRule) {
        fileRules.add(new BoundRule<>(nixFileRule, severity, noteSeverity));
      }
      if (rule instanceof ProjectRule projectRule) {
        projectRules.add(new BoundRule<>(projectRule, severity, noteSeverity));
      }
    }

    SourceCache sources = new SourceCache(root, config.maxFileBytes(), request.pending());
    List<Finding> findings = new ArrayList<>();
    if (!fileRules.isEmpty()) {
      findings.addAll(scan.nixFiles().parallelStream()
          .flatMap(path -> checkNixFile(sources.nix(path), fileRules).stream())
          .collect(Collectors.toList()));
    }
    if (!projectRules.isEmpty()) {
      findings.addAll(projects.parallelStream()
          .flatMap(directory -> checkProject(new ProjectContext(root, directory, config, sources), projectRules)
              .stream())
          .collect(Collectors.toList()));
    }
    List<Finding> kept = findings.stream()
        .filter(finding -> !Suppressions.isSuppressed(finding, sources))
        .distinct()
        .sorted(Finding.ORDER)
        .collect(Collectors.toList());
    List<RuleDescriptor> descriptors = enabled.stream().map(Rule::descriptor).collect(Collectors.toList());
    return new ValidationResult(root, projects, descriptors, kept, scan.nixFiles().size(), notices);
  }

  private static boolean looksLikePythonProject(Path root) {
    return Files.exists(root.resolve(ProjectContext.PYPROJECT_TOML))
        || Files.exists(root.resolve(ProjectContext.PYTHON_VERSION))
        || ProjectContext.DEV_SHELL_FILES.stream().anyMatch(name -> Files.isRegularFile(root.resolve(name)))
        || !ProjectContext.nixShellVariants(root).isEmpty();
  }

  private static Path realRoot(Path root) throws ValidationException {
    Path absolute = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(absolute)) {
      throw new ValidationException("nixml: " + absolute + " is not a directory");
    }
    try {
      return absolute.toRealPath();
    } catch (IOException e) {
      throw new ValidationException("nixml: cannot resolve " + absolute + ": " + e.getMessage(), e);
    }
  }

  private static List<Finding> checkNixFile(NixSource file, List<BoundRule<NixFileRule>> rules) {
    List<Finding> found = new ArrayList<>();
    for (BoundRule<NixFileRule> bound : rules) {
      FindingSink sink = bound.sink(found);
      try {
        bound.rule().check(file, sink);
      } catch (RuntimeException | StackOverflowError e) {
        sink.report(file.source().location(), crashMessage(e));
      }
    }
    return found;
  }

  private static List<Finding> checkProject(ProjectContext context, List<BoundRule<ProjectRule>> rules) {
    List<Finding> found = new ArrayList<>();
    for (BoundRule<ProjectRule> bound : rules) {
      FindingSink sink = bound.sink(found);
      try {
        bound.rule().check(context, sink);
      } catch (RuntimeException | StackOverflowError e) {
        sink.report(Location.wholeFile(context.pathOf(ProjectContext.FLAKE_NIX)), crashMessage(e));
      }
    }
    return found;
  }

  /** A rule bug must not hide the other findings, nor pass silently: it becomes a finding of that rule. */
  private static String crashMessage(Throwable e) {
    StackTraceElement top = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
    return "internal error, the rule could not check this (please report it): " + e
        + (top == null ? "" : " at " + top);
  }

  /** A rule with its configured severity and the one its {@link FindingSink#reportNote notes} get. */
  private record BoundRule<R extends Rule>(R rule, Severity severity, Severity noteSeverity) {
    FindingSink sink(List<Finding> into) {
      String id = rule.id();
      return new FindingSink() {
        @Override
        public void report(Location location, String message, List<Location> related, Optional<Fix> fix) {
          into.add(new Finding(id, severity, message, location, related, fix));
        }

        @Override
        public void reportNote(Location location, String message, List<Location> related) {
          into.add(new Finding(id, noteSeverity, message, location, related, Optional.empty()));
        }
      };
    }
  }
}
