package io.github.nixml.maven;

import io.github.nixml.doctor.Doctor;
import io.github.nixml.doctor.DoctorRun;
import io.github.nixml.report.ConsoleReport;
import io.github.nixml.validate.Finding;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the live dev shell it runs in against what the project needs: every shared library the venv's wheels
 * need (found as the dynamic loader would: RPATH, LD_LIBRARY_PATH, RUNPATH, ld.so.cache, default folders), the
 * NVIDIA driver against the CUDA major of the installed wheels, the venv's interpreter against .python-version.
 * Runs nothing (no Python, ldd or nvidia-smi) and needs no pom: mvn nixml:doctor inside the dev shell.
 */
@Mojo(name = "doctor", requiresProject = false, threadSafe = true)
public class DoctorMojo extends AbstractMojo {
  // A thin adapter: DoctorRun examines and reports, the command line shares it.

  /** The project folder whose venv (VIRTUAL_ENV, else .venv) to examine. Default: the current directory. */
  @Parameter(property = "nixml.directory")
  private File directory;

  /**
   * The host root under which the host's files are read (/proc/driver/nvidia/version, /etc/ld.so.cache, the
   * default library folders); a recorded host's files for a dry run.
   */
  @Parameter(property = "nixml.root", defaultValue = "/")
  private File root;

  /** Comma-separated report formats: text (the build log), sarif, junit, json, html (files in outputDirectory). */
  @Parameter(property = "nixml.formats")
  private String formats;

  /** Where report files go. Default: none are written, findings go to the build log. */
  @Parameter(property = "nixml.outputDirectory")
  private File outputDirectory;

  /** The lowest severity that fails the build: error, warning, note, or none to never fail. */
  @Parameter(property = "nixml.failOn", defaultValue = "error")
  private String failOn;

  /** Skips the goal: nothing is examined. */
  @Parameter(property = "nixml.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("nixml: skipped");
      return;
    }
    DoctorRun.Outcome outcome;
    try {
      DoctorRun.Settings settings = DoctorRun.Settings.parse(failOn, formats,
          outputDirectory == null ? null : outputDirectory.toPath(), "nixml.outputDirectory");
      Path project = directory != null ? directory.toPath() : Path.of(System.getProperty("user.dir"));
      outcome = DoctorRun.run(new Doctor.Request(project, root.toPath(), System.getenv()), settings);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("nixml: invalid configuration: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException("nixml: cannot write reports: " + e.getMessage(), e);
    }
    for (Finding finding : outcome.printed()) {
      String line = ConsoleReport.line(finding);
      switch (finding.severity()) {
        case ERROR -> getLog().error(line);
        case WARNING -> getLog().warn(line);
        default -> getLog().info(line);
      }
    }
    outcome.lines().forEach(getLog()::info);
    if (outcome.failed()) {
      throw new MojoFailureException(outcome.failureMessage("nixml.failOn"));
    }
  }
}
