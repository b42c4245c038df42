package io.github.nixml.validate;

import io.github.nixml.fix.AtomicFiles;
import io.github.nixml.fix.Fix;
import io.github.nixml.fix.NixEdits;
import io.github.nixml.fix.TextEdit;
import io.github.nixml.fix.TextEdits;
import io.github.nixml.nix.NixDiagnostic;
import io.github.nixml.nix.NixFrontEnd;
import io.github.nixml.toml.TomlDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies every fix the rules offer, until none is left: validates, takes each fix whose edits conflict with no
 * fix already taken in this pass (the others wait for the next pass, computed on the edited text), checks every
 * edited Nix file with the parser and every edited TOML file with tomlj, validates the edited texts again, and
 * repeats a few times at most. Only then, and unless it is a dry run, writes each changed file atomically, and
 * validates what is on disk. A file that does not parse is never edited; an edit that would leave a file the
 * parser rejects is dropped with a note. When the edited texts have findings at or above the gate that the files
 * did not have before (compared by {@link FindingIdentity}, which edits that shift lines do not change), nothing
 * is written: an edit may leave the problems it found, never add one.
 */
public final class Fixer {
  /** Passes before giving up on fixes that keep coming back (a fix that does not remove its finding). */
  static final int MAX_PASSES = 5;

  private final Validator validator;
  private final FailOn gate;

  /** A fixer that writes no edit introducing a finding that {@code gate} fails on. */
  public Fixer(Validator validator, FailOn gate) {
    this.validator = validator;
    this.gate = gate;
  }

  /** A file the fixes change: its text before ({@code null} when it did not exist) and after. */
  public record FileChange(String path, String before, String after) {}

  /** A fix that was applied, with the finding it answers. */
  public record AppliedFix(Finding finding, Fix fix) {
    /** {@code flake.nix:12:5: [venv-dir-missing] set venvDir = ".venv"}. */
    @Override
    public String toString() {
      return finding.location() + ": [" + finding.ruleId() + "] " + fix.description();
    }
  }

  /**
   * What a fix run did.
   *
   * @param before the findings before any change
   * @param after what is left: validated from disk after writing, or from the edited texts in a dry run
   * @param applied the fixes applied, in order
   * @param changes the files changed, by path (or that would have been, when nothing was written)
   * @param notes fixes not applied, and why
   * @param introducedFailing the findings at or above the gate that the edits would add; when there are any,
   *     nothing was written
   * @param written whether the changes are on disk
   */
  public record FixResult(ValidationResult before, ValidationResult after, List<AppliedFix> applied,
      List<FileChange> changes, List<String> notes, List<Finding> introducedFailing, boolean written) {
    public FixResult {
      applied = List.copyOf(applied);
      changes = List.copyOf(changes);
      notes = List.copyOf(notes);
      introducedFailing = List.copyOf(introducedFailing);
    }
  }

  /**
   * Fixes the request's root.
   *
   * @param dryRun compute and report the changes without writing anything
   * @throws ValidationException as {@link Validator#validate} does, or when a changed file cannot be written
   */
  public FixResult fix(ValidationRequest request, boolean dryRun) throws ValidationException {
    ValidationResult before = validator.validate(request);
    Path root = before.root();
    Map<String, String> pending = new TreeMap<>(request.pending());
    Map<String, SourceFile> originals = new HashMap<>();
    List<AppliedFix> applied = new ArrayList<>();
    Set<String> notes = new LinkedHashSet<>();
    ValidationResult current = before;
    boolean settled = false;
    for (int pass = 0; pass < MAX_PASSES && !settled; pass++) {
      List<AppliedFix> taken = new ArrayList<>();
      Map<String, List<TextEdit>> editsByPath = new TreeMap<>();
      for (Finding finding : current.findings()) {
        if (finding.fix().isEmpty()) {
          continue;
        }
        Fix fix = finding.fix().get();
        if (taken.stream().anyMatch(t -> t.fix().conflictsWith(fix))) {
          continue; // deferred: the next pass recomputes it on the edited text
        }
        Optional<String> refusal = refusal(root, request.config(), pending, originals, fix, editsByPath);
        if (refusal.isPresent()) {
          notes.add("not fixed: " + finding.location() + ": [" + finding.ruleId() + "] " + fix.description()
              + ": " + refusal.get());
          continue;
        }
        taken.add(new AppliedFix(finding, fix));
        for (TextEdit edit : fix.edits()) {
          editsByPath.computeIfAbsent(edit.path(), p -> new ArrayList<>()).add(edit);
        }
      }
      if (taken.isEmpty()) {
        settled = true;
        continue;
      }
      for (Map.Entry<String, List<TextEdit>> entry : editsByPath.entrySet()) {
        String text = textOf(root, request.config(), pending, originals, entry.getKey()).orElse("");
        pending.put(entry.getKey(), TextEdits.apply(text, entry.getValue()));
      }
      applied.addAll(taken);
      current = validator.validate(new ValidationRequest(request.root(), request.config(), pending));
    }
    if (!settled && current.findings().stream().anyMatch(f -> f.fix().isPresent())) {
      notes.add("some fixes did not settle after " + MAX_PASSES + " passes; run again or fix them by hand");
    }
    return finish(request, before, current, applied, pending, originals, List.copyOf(notes), dryRun);
  }

  /**
   * Applies {@code fixes} together, all or nothing: when one cannot be applied (a file that does not parse, a
   * result the parser rejects, a conflict) nothing is written and the notes say why.
   */
  public FixResult applyAll(ValidationRequest request, List<Fix> fixes, boolean dryRun) throws ValidationException {
    ValidationResult before = validator.validate(request);
    Path root = before.root();
    Map<String, String> pending = new TreeMap<>(request.pending());
    Map<String, SourceFile> originals = new HashMap<>();
    Map<String, List<TextEdit>> editsByPath = new TreeMap<>();
    List<String> notes = new ArrayList<>();
    List<Fix> taken = new ArrayList<>();
    for (Fix fix : fixes) {
      Optional<String> refusal = taken.stream().anyMatch(t -> t.conflictsWith(fix))
          ? Optional.of("it conflicts with another change")
          : refusal(root, request.config(), pending, originals, fix, editsByPath);
      if (refusal.isPresent()) {
        notes.add("cannot " + fix.description() + ": " + refusal.get());
        continue;
      }
      taken.add(fix);
      for (TextEdit edit : fix.edits()) {
        editsByPath.computeIfAbsent(edit.path(), p -> new ArrayList<>()).add(edit);
      }
    }
    if (!notes.isEmpty()) {
      return new FixResult(before, before, List.of(), List.of(), notes, List.of(), false);
    }
    for (Map.Entry<String, List<TextEdit>> entry : editsByPath.entrySet()) {
      String text = textOf(root, request.config(), pending, originals, entry.getKey()).orElse("");
      pending.put(entry.getKey(), TextEdits.apply(text, entry.getValue()));
    }
    ValidationResult edited = validator.validate(new ValidationRequest(request.root(), request.config(), pending));
    return finish(request, before, edited, List.of(), pending, originals, notes, dryRun);
  }

  private FixResult finish(ValidationRequest request, ValidationResult before, ValidationResult current,
      List<AppliedFix> applied, Map<String, String> pending, Map<String, SourceFile> originals, List<String> notes,
      boolean dryRun) throws ValidationException {
    Path root = before.root();
    List<FileChange> changes = new ArrayList<>();
    for (Map.Entry<String, String> entry : pending.entrySet()) {
      Optional<String> original = originals.containsKey(entry.getKey()) ? originals.get(entry.getKey()).text()
          : Optional.empty();
      if (!original.equals(Optional.of(entry.getValue()))) {
        changes.add(new FileChange(entry.getKey(), original.orElse(null), entry.getValue()));
      }
    }
    List<Finding> introducedFailing = FindingIdentity.introduced(before.findings(), current.findings()).stream()
        .filter(finding -> gate.fails(finding.severity()))
        .toList();
    if (dryRun || changes.isEmpty() || !introducedFailing.isEmpty()) {
      return new FixResult(before, current, applied, changes, notes, introducedFailing, false);
    }
    for (FileChange change : changes) {
      try {
        AtomicFiles.write(root.resolve(change.path()), change.after());
      } catch (IOException e) {
        throw new ValidationException("nixml: cannot write " + change.path() + ": " + e.getMessage(), e);
      }
    }
    ValidationResult after = validator.validate(new ValidationRequest(request.root(), request.config()));
    return new FixResult(before, after, applied, changes, notes, List.of(), true);
  }

  /** Why {@code fix} cannot be applied on top of the edits already taken in this pass, or empty. */
  private static Optional<String> refusal(Path root, ValidationConfig config, Map<String, String> pending,
      Map<String, SourceFile> originals, Fix fix, Map<String, List<TextEdit>> takenEdits) {
    for (String path : fix.paths()) {
      List<TextEdit> edits = fix.edits().stream().filter(e -> e.path().equals(path)).toList();
      Optional<String> text = textOf(root, config, pending, originals, path);
      SourceFile original = originals.get(path);
      if (original.isUnreadable()) {
        return Optional.of(path + " " + original.problem().orElse("cannot be read"));
      }
      if (text.isEmpty() && edits.stream().anyMatch(e -> e.offset() > 0 || e.length() > 0)) {
        return Optional.of(path + " does not exist");
      }
      String before = text.orElse("");
      if (path.endsWith(".nix")) {
        Optional<String> problem = NixEdits.problem(NixFrontEnd.analyze(before), edits);
        if (problem.isPresent()) {
          return Optional.of(path + ": " + problem.get());
        }
      }
      List<TextEdit> all = new ArrayList<>(takenEdits.getOrDefault(path, List.of()));
      all.addAll(edits);
      String after;
      try {
        after = TextEdits.apply(before, all);
      } catch (IllegalArgumentException e) {
        return Optional.of(e.getMessage());
      }
      Optional<String> broken = rejection(path, before, after);
      if (broken.isPresent()) {
        return broken;
      }
    }
    return Optional.empty();
  }

  /** Why the parser would reject {@code after} when it accepted {@code before}; files we do not parse pass. */
  private static Optional<String> rejection(String path, String before, String after) {
    if (path.endsWith(".nix")) {
      List<NixDiagnostic> problems = NixEdits.diagnosticsAfter(after);
      if (!problems.isEmpty()) {
        NixDiagnostic first = problems.get(0);
        return Optional.of("the result would not parse (" + path + ":" + first.line() + ":" + first.column()
            + ": " + first.message() + ")");
      }
    } else if (path.endsWith(".toml")) {
      boolean validBefore = !TomlDocument.parse(before).hasErrors();
      Optional<TomlDocument.Error> errorAfter = TomlDocument.parse(after).firstError();
      if (validBefore && errorAfter.isPresent()) {
        return Optional.of("the result would not be valid TOML (" + errorAfter.get() + ")");
      }
      if (!validBefore) {
        return Optional.of(path + " is not valid TOML; fix that first");
      }
    }
    return Optional.empty();
  }

  /** The current text of a root-relative file: edited, else on disk (read once); empty when missing. */
  private static Optional<String> textOf(Path root, ValidationConfig config, Map<String, String> pending,
      Map<String, SourceFile> originals, String path) {
    SourceFile original = originals.computeIfAbsent(path,
        p -> SourceFile.read(root.resolve(p), p, config.maxFileBytes()));
    return pending.containsKey(path) ? Optional.of(pending.get(path)) : original.text();
  }
}
