package io.github.nixml.report;

import io.github.nixml.validate.FindingIdentity;
import io.github.nixml.validate.ValidationConfig;
import io.github.nixml.validate.ValidationResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes the file reports into an output directory, each atomically: into a temporary file next to it, then
 * moved over the old report, so a reader never sees half a report and a failed run leaves the previous one intact.
 */
public final class ReportWriter {
  private final ToolInfo tool;
  private final ValidationConfig config;

  public ReportWriter(ToolInfo tool) {
    this(tool, ValidationConfig.defaults());
  }

  /** {@code config}: how the run read files, so that the HTML page reads the projects' models the same way. */
  public ReportWriter(ToolInfo tool, ValidationConfig config) {
    this.tool = tool;
    this.config = config;
  }

  /**
   * Loads, on a background thread, what writing {@code formats} will need (Jackson's generator, SHA-256 for the
   * SARIF fingerprints), so that it overlaps the validation instead of following it; nothing is written. A cold JVM
   * (every {@code mvn nixml:validate}) spent about 45 ms of its run on this after the last finding.
   */
  public static void prepare(Set<ReportFormat> formats) {
    boolean json = formats.contains(ReportFormat.SARIF) || formats.contains(ReportFormat.JSON);
    if (!json) {
      return;
    }
    Thread thread = new Thread(() -> {
      try (var generator = Json.generator(OutputStream.nullOutputStream())) {
        generator.writeStartObject();
        generator.writeStringField("fingerprint", Fingerprints.hash(new FindingIdentity("warm-up", "", "")));
        generator.writeEndObject();
      } catch (IOException | RuntimeException e) {
        // the report's own writing says what is wrong; a warm-up has nothing to say
      }
    }, "nixml-report-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Writes every file format in {@code formats} ({@code text} is console-only) and returns the files written.
   *
   * @throws IOException when the directory cannot be created or a report cannot be written
   */
  public List<Path> write(ValidationResult result, Set<ReportFormat> formats, Path outputDirectory)
      throws IOException {
    return write(result, formats, outputDirectory, BaselineComparison.NONE);
  }

  /** As {@link #write(ValidationResult, Set, Path)}, the SARIF report marking each result against a baseline. */
  public List<Path> write(ValidationResult result, Set<ReportFormat> formats, Path outputDirectory,
      BaselineComparison baseline) throws IOException {
    List<Path> written = new ArrayList<>();
    boolean needsDirectory = formats.stream().anyMatch(f -> f.fileName() != null);
    if (!needsDirectory) {
      return written;
    }
    Files.createDirectories(outputDirectory);
    for (ReportFormat format : ReportFormat.values()) {
      if (!formats.contains(format) || format.fileName() == null) {
        continue;
      }
      Path target = outputDirectory.resolve(format.fileName());
      writeAtomically(target, out -> render(format, result, baseline, out));
      written.add(target);
    }
    return written;
  }

  private void render(ReportFormat format, ValidationResult result, BaselineComparison baseline, OutputStream out)
      throws IOException {
    switch (format) {
      case SARIF -> SarifReport.write(result, tool, baseline, out);
      case JSON -> JsonReport.write(result, tool, out);
      case HTML -> HtmlReport.write(NixmlPage.of(result, config, tool), out);
      case JUNIT -> {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        JunitReport.write(result, writer);
        writer.flush();
      }
      default -> throw new IllegalStateException("no file for " + format);
    }
  }

  /** Something that writes a report's bytes. */
  @FunctionalInterface
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  static void writeAtomically(Path target, Content content) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        content.writeTo(out);
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
