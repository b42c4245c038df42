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

  private MojoHarness<ReportMojo> report() throws Exception {
    CleanProject.write(root);
    MojoHarness<ReportMojo> harness = new MojoHarness<>(new ReportMojo());
    return harness.set("directory", root.toFile()).set("layout", "auto").set("cuda", "auto")
        .set("today", CleanProject.TODAY);
  }

  private String summaryWith(String field, Object value) throws Exception {
    MojoHarness<ReportMojo> harness = report();
    if (field != null) {
      harness.set(field, value);
    }
    Sink sink = new Xhtml5SinkFactory().createSink(new ByteArrayOutputStream(), "UTF-8");
    harness.mojo.generate(sink, Locale.ROOT);
    return harness.log.stream().filter(line -> line.startsWith("INFO nixml: ")).findFirst().orElseThrow();
  }

  /** Under mvn site: the page goes into the site's sink, the source around a finding as a code block. */
  @Test
  void theSiteSinkGetsThePageWithSourceAsCode() throws Exception {
    MojoHarness<ReportMojo> harness = report().set("maxLockAgeDays", 0);
    ByteArrayOutputStream html = new ByteArrayOutputStream();
    harness.mojo.generate(new Xhtml5SinkFactory().createSink(html, "UTF-8"), Locale.ROOT);
    String page = html.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(page).contains("nixml report").contains("flake.lock");
    assertThat(page).containsPattern("<pre><code[^>]*>[^<]*\\| ");
    assertThat(harness.mojo.getCategoryName()).isEqualTo(org.apache.maven.reporting.MavenReport.CATEGORY_PROJECT_REPORTS);
  }

  /** mvn nixml:report on its own: the standalone page, nixml.html, in the site's output directory. */
  @Test
  void onItsOwnItWritesThePage(@TempDir Path site) throws Exception {
    MojoHarness<ReportMojo> harness = report().set("maxLockAgeDays", 0).set("outputDirectory", site.toFile());
    harness.mojo.execute();
    assertThat(site.resolve("nixml.html")).content().startsWith("<!DOCTYPE html>").contains("<title>nixml report</title>")
        .contains("flake.lock");
  }

  @Test
  void skippedItWritesNothing(@TempDir Path site) throws Exception {
    MojoHarness<ReportMojo> harness = report().set("skip", true).set("outputDirectory", site.toFile());
    harness.mojo.execute();
    assertThat(site.resolve("nixml.html")).doesNotExist();
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
