package io.github.nixml.maven;

import io.github.nixml.report.HtmlReport;
import io.github.nixml.report.NixmlPage;
import io.github.nixml.report.ToolInfo;
import io.github.nixml.run.ConfigurationException;
import io.github.nixml.run.ValidateParameters;
import io.github.nixml.run.ValidateSettings;
import io.github.nixml.validate.ValidationException;
import io.github.nixml.validate.ValidationRequest;
import io.github.nixml.validate.ValidationResult;
import io.github.nixml.validate.Validator;
import io.github.nixml.validate.rules.BuiltInRules;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The nixml page of the Maven site (mvn site, with the plugin under reporting): the findings with the source
 * around each, the rules that fired, and each dev shell as nixml understood it, the same content as the
 * nixml.html report. It reports and never fails the build on findings. Run on its own ({@code mvn nixml:report}) it
 * writes that page, nixml.html, to the site's output directory.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class ReportMojo extends AbstractMojo implements MavenReport {
  // A thin adapter: NixmlPage makes the content, DoxiaPage hands it to the site's sink. It implements MavenReport
  // (maven-reporting-api, whose only dependency is Doxia's sink API; maven-site-plugin shares those classes with
  // the report) instead of extending maven-reporting-impl's AbstractMavenReport: that library brings ~40 artifacts
  // (the Doxia site renderer, Velocity, plexus-archiver and its compressors) that Maven resolves, puts in the
  // plugin's class realm and scans for components on every goal of this plugin, nixml:validate included; that
  // cost more than the whole validation of a project (docs/PERFORMANCE.md, issue 20).

  /** Where the page is written: the site's output directory. */
  @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true, required = true)
  private File outputDirectory;

  /** The directory to check. Default: the project's directory. */
  @Parameter(property = "nixml.directory", defaultValue = "${basedir}")
  private File directory;

  /** Skips the report. */
  @Parameter(property = "nixml.skip", defaultValue = "false")
  private boolean skip;

  /** The dev-shell layout your flakes use: auto, ld-path or fhs (as for nixml:validate). */
  @Parameter(property = "nixml.layout", defaultValue = ValidateParameters.DEFAULT_LAYOUT)
  private String layout;

  /** What to expect of CUDA: auto, required or off (as for nixml:validate). */
  @Parameter(property = "nixml.cuda", defaultValue = ValidateParameters.DEFAULT_CUDA)
  private String cuda;

  /** Comma-separated ids of rules not to run. */
  @Parameter(property = "nixml.disabledRules")
  private String disabledRules;

  /** The day the flake.lock rules judge by, as an ISO date. Default: today. */
  @Parameter(property = "nixml.today")
  private String today;

  /** A locked nixpkgs older than this many days is reported as stale (as for nixml:validate). */
  @Parameter(property = "nixml.maxLockAgeDays", defaultValue = ValidateParameters.DEFAULT_MAX_LOCK_AGE_DAYS)
  private int maxLockAgeDays = Integer.parseInt(ValidateParameters.DEFAULT_MAX_LOCK_AGE_DAYS);

  /** Files larger than this many bytes are reported and not read (as for nixml:validate). */
  @Parameter(property = "nixml.maxFileBytes", defaultValue = ValidateParameters.DEFAULT_MAX_FILE_BYTES)
  private long maxFileBytes = Long.parseLong(ValidateParameters.DEFAULT_MAX_FILE_BYTES);

  /** Comma-separated nixpkgs branches to accept (as for nixml:validate). Default: the release calendar's. */
  @Parameter(property = "nixml.supportedBranches")
  private String supportedBranches;

  /** Per-rule severities, each error, warning, note or off (as for nixml:validate). */
  @Parameter
  private Map<String, String> severities;

  @Override
  public String getOutputName() {
    return "nixml";
  }

  @Override
  public String getName(Locale locale) {
    return "nixml";
  }

  @Override
  public String getDescription(Locale locale) {
    return "Findings of the nixml checks, and each Nix dev shell as nixml understood it.";
  }

  @Override
  public String getCategoryName() {
    return CATEGORY_PROJECT_REPORTS;
  }

  @Override
  public void setReportOutputDirectory(File directory) {
    outputDirectory = directory;
  }

  @Override
  public File getReportOutputDirectory() {
    return outputDirectory;
  }

  @Override
  public boolean isExternalReport() {
    return false;
  }

  @Override
  public boolean canGenerateReport() {
    return !skip;
  }

  /** On its own (not under mvn site): the standalone page, as the nixml.html report format writes it. */
  @Override
  public void execute() throws MojoExecutionException {
    if (!canGenerateReport()) {
      getLog().info("nixml: skipped");
      return;
    }
    try {
      Checked checked = check();
      Path page = outputDirectory.toPath().resolve(getOutputName() + ".html");
      Files.createDirectories(page.getParent());
      Files.writeString(page, HtmlReport.render(NixmlPage.of(checked.result(), checked.settings().config(),
          ToolInfo.current())));
      getLog().info("nixml: " + checked.result().summary() + "; the page: " + page);
    } catch (MavenReportException | IOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /** Under mvn site: the page's content into the site's sink, which gives it the site's look. */
  @Override
  public void generate(Sink sink, Locale locale) throws MavenReportException {
    Checked checked = check();
    sink.head();
    sink.title();
    sink.text("nixml report");
    sink.title_();
    sink.head_();
    sink.body();
    NixmlPage.of(checked.result(), checked.settings().config(), ToolInfo.current()).render(new DoxiaPage(sink));
    sink.body_();
    sink.flush();
    getLog().info("nixml: " + checked.result().summary());
  }

  private record Checked(ValidateSettings settings, ValidationResult result) {}

  private Checked check() throws MavenReportException {
    Validator validator = new Validator(BuiltInRules.registry());
    ValidateSettings settings;
    ValidationResult result;
    try {
      settings = new ValidateParameters().layout(layout).cuda(cuda).disabledRules(disabledRules).today(today)
          .maxLockAgeDays(maxLockAgeDays).maxFileBytes(maxFileBytes).supportedBranches(supportedBranches)
          .severities(severities).settings(validator.registry());
      result = validator.validate(new ValidationRequest(directory.toPath(), settings.config()));
    } catch (ConfigurationException | ValidationException e) {
      throw new MavenReportException(e.getMessage(), e);
    }
    return new Checked(settings, result);
  }
}
