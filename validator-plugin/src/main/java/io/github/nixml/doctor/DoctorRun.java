package io.github.nixml.doctor;

import io.github.nixml.report.ConsoleReport;
import io.github.nixml.report.ReportFormat;
import io.github.nixml.report.ReportWriter;
import io.github.nixml.report.ToolInfo;
import io.github.nixml.validate.FailOn;
import io.github.nixml.validate.Finding;
import io.github.nixml.validate.Severity;
import io.github.nixml.validate.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One doctor run, the same for {@code nixml doctor} and {@code nixml:doctor}: examine, one line per finding, a
 * summary, the report files, and how many findings fail the gate. Failing is the caller's (an exit code, a Maven
 * exception), as for validate.
 */
public final class DoctorRun {

  /** Checked settings: the gate, the formats, where files go (null: no files). */
  public record Settings(FailOn gate, Set<ReportFormat> formats, Path output) {
    public Settings {
      formats = Set.copyOf(formats);
    }

    /**
     * Parses the user's values as {@code validate} does: {@code formats} null means {@code text}, or
     * {@code text,sarif} with an output folder; a file format without one is refused, naming {@code outputOption}.
     *
     * @throws IllegalArgumentException naming the bad value and what is accepted
     */
    public static Settings parse(String failOn, String formats, Path output, String outputOption) {
      FailOn gate = FailOn.parse(failOn);
      Set<ReportFormat> parsed = ReportFormat.parseList(formats != null ? formats : output == null ? "text"
          : "text,sarif");
      if (parsed.isEmpty()) {
        throw new IllegalArgumentException("no report format given (expected a comma-separated list of text, sarif,"
            + " junit, json, html)");
      }
      List<String> files = parsed.stream().filter(f -> f.fileName() != null).map(ReportFormat::id).toList();
      if (output == null && !files.isEmpty()) {
        throw new IllegalArgumentException("the " + String.join(", ", files) + " report"
            + (files.size() == 1 ? " is a file" : "s are files") + ": pass " + outputOption
            + " DIR to say where to write it");
      }
      return new Settings(gate, parsed, output);
    }
  }

  /**
   * What the run ended with: the result, the findings to print (none when text is not a format asked for), the
   * other lines (notices, summary, files written), the reports and the gate count.
   */
  public record Outcome(ValidationResult result, List<Finding> printed, List<String> lines, List<Path> reports,
      FailOn gate, long failing) {
    public Outcome {
      printed = List.copyOf(printed);
      lines = List.copyOf(lines);
      reports = List.copyOf(reports);
    }

    public boolean failed() {
      return failing > 0;
    }

    /** {@code 2 findings at or above error (set --fail-on to change the threshold)}. */
    public String failureMessage(String thresholdParameter) {
      return "doctor: " + ConsoleReport.findingCount(failing) + " at or above " + gate.id() + " (set "
          + thresholdParameter + " to change the threshold)";
    }
  }

  private DoctorRun() {}

  /**
   * Examines and reports.
   *
   * @throws IllegalArgumentException when the project folder or the root does not exist
   * @throws IOException when a report cannot be written
   */
  public static Outcome run(Doctor.Request request, Settings settings) throws IOException {
    if (!Files.isDirectory(request.project())) {
      throw new IllegalArgumentException("project folder " + request.project() + " does not exist");
    }
    if (!Files.isDirectory(request.root())) {
      throw new IllegalArgumentException("host root " + request.root() + " does not exist");
    }
    ValidationResult result = Doctor.examine(request);
    List<String> lines = new ArrayList<>();
    for (String notice : result.notices()) {
      lines.add("nixml: " + notice);
    }
    long failing = result.countFailing(settings.gate());
    lines.add("nixml doctor: " + count(result, Severity.ERROR, "error") + ", " + count(result, Severity.WARNING,
        "warning") + ", " + count(result, Severity.NOTE, "note") + " ("
        + (settings.gate() == FailOn.NONE ? "failOn=none" : failing + " at or above " + settings.gate().id()) + ")");
    List<Path> written = List.of();
    if (settings.output() != null) {
      written = new ReportWriter(ToolInfo.current()).write(result, settings.formats(),
          settings.output().toAbsolutePath().normalize());
      for (Path report : written) {
        lines.add("nixml: wrote " + report);
      }
    }
    List<Finding> printed = settings.formats().contains(ReportFormat.TEXT) ? result.findings() : List.of();
    return new Outcome(result, printed, lines, written, settings.gate(), failing);
  }

  private static String count(ValidationResult result, Severity severity, String noun) {
    long n = result.count(severity);
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
