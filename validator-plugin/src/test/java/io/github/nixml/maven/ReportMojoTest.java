package io.github.nixml.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.testing.CleanProject;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.doxia.module.xhtml5.Xhtml5SinkFactory;
import org.apache.maven.doxia.sink.Sink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site report takes the same thresholds as nixml:validate, so its page agrees with the gate. */
class ReportMojoTest {
  @TempDir Path root;

  private String summaryWith(String field, Object value) throws Exception {
    CleanProject.write(root);
    MojoHarness<ReportMojo> harness = new MojoHarness<>(new ReportMojo());
    harness.set("directory", root.toFile()).set("layout", "auto").set("cuda", "auto").set("today", CleanProject.TODAY);
    if (field != null) {
      harness.set(field, value);
    }
    Sink sink = new Xhtml5SinkFactory().createSink(new ByteArrayOutputStream(), "UTF-8");
    harness.mojo.generate(sink, Locale.ROOT);
    return harness.log.stream().filter(line -> line.startsWith("INFO nixml: ")).findFirst().orElseThrow();
  }

  @Test
  void theDefaultsFindNothingInACleanProject() throws Exception {
    assertThat(summaryWith(null, null)).contains("0 errors, 0 warnings");
  }

  @Test
  void maxLockAgeDaysReachesTheRules() throws Exception {
    assertThat(summaryWith("maxLockAgeDays", 0)).doesNotContain("0 errors, 0 warnings, 0 notes");
  }

  @Test
  void supportedBranchesReachTheRules() throws Exception {
    assertThat(summaryWith("supportedBranches", "nixos-20.09")).doesNotContain("0 errors, 0 warnings, 0 notes");
  }

  @Test
  void maxFileBytesReachesTheRules() throws Exception {
    assertThat(summaryWith("maxFileBytes", 10L)).doesNotContain("0 errors, 0 warnings, 0 notes");
  }
}
