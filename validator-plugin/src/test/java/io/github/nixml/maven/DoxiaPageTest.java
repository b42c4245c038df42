package io.github.nixml.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.report.HtmlReport;
import io.github.nixml.report.NixmlPage;
import io.github.nixml.report.ToolInfo;
import io.github.nixml.testing.Oracle;
import io.github.nixml.validate.ValidationConfig;
import io.github.nixml.validate.ValidationRequest;
import io.github.nixml.validate.Validator;
import io.github.nixml.validate.rules.BuiltInRules;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.doxia.module.xhtml5.Xhtml5SinkFactory;
import org.apache.maven.doxia.sink.Sink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site report's content through a real Doxia sink reads as nixml.html does, in headless Chromium. */
class DoxiaPageTest {
  private static final Path GENERATED_CUDA =
      Path.of("../archetype-nixos-pythonml/src/test/resources/projects/ld-default/reference");

  @TempDir
  Path temp;

  @Test
  void theSitePageShowsTheSameTextAsTheHtmlReport() throws Exception {
    ValidationConfig config = ValidationConfig.builder().set("cuda", "required").set("today", "2026-11-25").build();
    NixmlPage page = NixmlPage.of(new Validator(BuiltInRules.registry())
        .validate(new ValidationRequest(GENERATED_CUDA, config)), config, new ToolInfo("nixml", "1", "x"));
    Path site = temp.resolve("nixml-site.html");
    try (OutputStream out = Files.newOutputStream(site)) {
      Sink sink = new Xhtml5SinkFactory().createSink(out, "UTF-8");
      sink.body();
      page.render(new DoxiaPage(sink));
      sink.body_();
      sink.close();
    }
    Path html = temp.resolve("nixml.html");
    Files.writeString(html, HtmlReport.render(page));

    String siteText = Oracle.CHROMIUM.renderedText(site);
    assertThat(siteText)
        .contains("[flake-lock-missing]")
        .contains("Interpreter python311 (Python 3.11, flake.nix:")
        .contains("Venv strategy venvShellHook into .venv")
        .contains("LD_LIBRARY_PATH /run/opengl-driver/lib:$NIX_LD_LIBRARY_PATH")
        .contains("cudatoolkit nixpkgs only on linux yes");
    assertThat(siteText).as("the same text as nixml.html").isEqualTo(Oracle.CHROMIUM.renderedText(html));
  }
}
