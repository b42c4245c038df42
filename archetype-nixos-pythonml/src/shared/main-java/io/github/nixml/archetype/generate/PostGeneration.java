package io.github.nixml.archetype.generate;

import io.github.nixml.lock.Today;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What META-INF/archetype-post-generate.groovy runs once the archetype plugin has written the templates (compiled
 * Java in the archetype jar: a Groovy script of this size costs seconds to compile on every generation).
 *
 * <p>What the plugin (maven-archetype-plugin 3.4.1, DefaultFilesetArchetypeGenerator) guarantees before this runs:
 * it refuses to generate at all when the project directory holds a pom.xml, and it never overwrites any other file
 * ("Don't override file"). So this run wrote pom.xml, and it wrote a template's file exactly when that file starts
 * with the {@link #MARKER} line every template begins with; any other file is the user's and is never touched.
 *
 * <ol>
 *   <li>Validates the properties: on a bad value it removes what this run wrote (the marked files, pom.xml, the
 *       project directory if that leaves it empty) and fails with one message naming each bad property, its value
 *       and the allowed form.
 *   <li>Finishes each file this run wrote: drops the marker and writes the free-text values escaped. Velocity must
 *       never see them: the generator evaluates any property value holding "${" as a template, which eats "##" and
 *       "#set". So the templates hold {@code @@<format>:<name>@@} tokens, replaced here in one pass by a Nix or TOML
 *       string literal, Markdown text, or the validated value as it is.
 *   <li>Writes {@code src/<package>/__init__.py} unless it exists (a template named {@code __init__.py} would make
 *       the plugin warn that a property {@code init} is missing: it reads {@code __init__} as a file-name token).
 * </ol>
 */
public final class PostGeneration {

  /** The first line of every template under archetype-resources but pom.xml (which Maven filters with @). */
  static final String MARKER = "@@nixml:generated@@";

  /** The files the templates may write, pom.xml aside; which of them this run wrote, the marker says. */
  static final List<String> TEMPLATE_FILES =
      List.of("flake.nix", ".python-version", ".envrc", ".gitignore", "pyproject.toml", "README.md");

  static final String POM = "pom.xml";

  private static final String PACKAGE_INIT = "META-INF/nixml/__init__.py";

  private static final Pattern TOKEN = Pattern.compile("@@(nix|toml|md|raw):([A-Za-z]+)@@");

  private PostGeneration() {}

  /**
   * Entry point of the post-generate script.
   *
   * @param properties the request's raw properties
   * @param userProperties the session's user properties (-D), where {@code nixml.today} may pin the day of the
   *     release calendar
   * @throws IllegalArgumentException for invalid property values, after removing what this run wrote
   */
  public static void run(Properties properties, String outputDirectory, String artifactId, String version,
      Map<?, ?> userProperties) {
    Path project = Path.of(outputDirectory).toAbsolutePath().normalize().resolve(artifactId).normalize();
    List<String> problems = new ArrayList<>();
    for (ArchetypeProperty property : ArchetypeProperty.values()) {
      property.problem(properties).ifPresent(problem -> problems.add(problem + derivedPackageHint(property,
          properties, artifactId)));
    }
    Optional<String> pythonVersion = PythonProjectVersion.fromMaven(version);
    if (pythonVersion.isEmpty()) {
      problems.add(problem("version", version, PythonProjectVersion.ALLOWED_FORM));
    }
    // The pin is a required property (default "today"), so it travels in the request's properties under
    // archetype:generate and archetype:integration-test alike; the user properties and the system properties are
    // read too, for callers that pass -Dnixml.today without the property being configured.
    Object userDay = userProperties.get(Today.PROPERTY);
    String day = properties.getProperty(Today.PROPERTY);
    if (Today.asksForClock(day)) {
      day = userDay != null ? userDay.toString() : System.getProperty(Today.PROPERTY, day);
    }
    Optional<LocalDate> today = Optional.empty();
    try {
      today = Optional.of(Today.resolve(day));
    } catch (IllegalArgumentException e) {
      problems.add(problem(Today.PROPERTY, day, Today.FORM + ", or " + Today.CLOCK));
    }
    String branchValue = properties.getProperty("nixpkgsBranch", NixpkgsBranchChoice.NEWEST_RELEASE);
    if (ArchetypeProperty.NIXPKGS_BRANCH.problem(properties).isEmpty() && today.isPresent()) {
      NixpkgsBranchChoice.problem(branchValue, today.get()).ifPresent(why -> problems.add(problem("nixpkgsBranch",
          branchValue, ArchetypeProperty.NIXPKGS_BRANCH.allowedForm() + " (" + why + ")")));
    }
    List<Path> written = writtenByThisRun(project);
    if (!problems.isEmpty()) {
      removeWritten(project, written);
      throw new IllegalArgumentException("Invalid archetype property " + (problems.size() == 1 ? "value" : "values")
          + ", nothing was generated: " + String.join("; ", problems));
    }
    String packageName = properties.getProperty("package", "");
    Map<String, String> values = Map.of(
        "artifactId", artifactId,
        "package", packageName,
        "projectDescription", properties.getProperty("projectDescription", ""),
        "pythonProjectVersion", pythonVersion.get(),
        "nixpkgsBranch", NixpkgsBranchChoice.resolve(branchValue, today.orElseThrow()));
    for (Path file : written) {
      if (!file.getFileName().toString().equals(POM)) {
        finish(file, values);
      }
    }
    writePackageInit(project.resolve("src").resolve(packageName).resolve("__init__.py"), values);
  }

  static String problem(String key, String value, String allowedForm) {
    return "property '" + key + "' has the invalid value '" + value + "'; allowed: " + allowedForm;
  }

  /** Maven derives package from artifactId when it is not given: say how to give it. */
  private static String derivedPackageHint(ArchetypeProperty property, Properties properties, String artifactId) {
    return property == ArchetypeProperty.PACKAGE
        && artifactId.toLowerCase(Locale.ROOT).replace('-', '_').equals(properties.getProperty("package"))
        ? " (derived from artifactId '" + artifactId + "': pass -Dpackage=<a Python identifier>)"
        : "";
  }

  /** pom.xml and every template file that begins with the marker: what this run wrote. */
  static List<Path> writtenByThisRun(Path project) {
    List<Path> written = new ArrayList<>();
    if (Files.isRegularFile(project.resolve(POM))) {
      written.add(project.resolve(POM));
    }
    for (String name : TEMPLATE_FILES) {
      Path file = project.resolve(name);
      if (Files.isRegularFile(file) && startsWithMarker(file)) {
        written.add(file);
      }
    }
    return written;
  }

  private static boolean startsWithMarker(Path file) {
    byte[] marker = MARKER.getBytes(StandardCharsets.UTF_8);
    byte[] start = new byte[marker.length];
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(start, 0, start.length) == start.length && java.util.Arrays.equals(start, marker);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Drops the marker line and replaces the tokens, atomically. */
  private static void finish(Path file, Map<String, String> values) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).substring(MARKER.length());
      text = text.startsWith("\r\n") ? text.substring(2) : text.startsWith("\n") ? text.substring(1) : text;
      writeAtomically(file, replaceTokens(text, values));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot finish " + file + ": " + e.getMessage(), e);
    }
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
      if (posix != null) {
        Files.setPosixFilePermissions(temporary, posix.readAttributes().permissions());
      }
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** src/<package>/__init__.py, unless the user has one: created, never overwritten. */
  private static void writePackageInit(Path file, Map<String, String> values) {
    try (InputStream template = PostGeneration.class.getClassLoader().getResourceAsStream(PACKAGE_INIT)) {
      if (template == null) {
        throw new IllegalStateException(PACKAGE_INIT + " is missing from the archetype jar");
      }
      String text = replaceTokens(new String(template.readAllBytes(), StandardCharsets.UTF_8), values);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    } catch (FileAlreadyExistsException e) {
      // the user's own package: kept as it is
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** One pass: replaced text is never scanned again, so a value holding a token stays as written. */
  static String replaceTokens(String text, Map<String, String> values) {
    Matcher matcher = TOKEN.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (matcher.find()) {
      String value = values.get(matcher.group(2));
      if (value == null) {
        throw new IllegalStateException("unknown template token " + matcher.group());
      }
      String replacement = switch (matcher.group(1)) {
        case "nix" -> QuotedString.nix(value);
        case "toml" -> QuotedString.toml(value);
        case "md" -> MarkdownText.escape(value);
        default -> value;
      };
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** Removes what this run wrote, then the project directory if that leaves it empty. */
  static void removeWritten(Path project, List<Path> written) {
    try {
      for (Path file : written) {
        Files.deleteIfExists(file);
      }
      if (Files.isDirectory(project) && isEmpty(project)) {
        Files.delete(project);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the generated files in " + project + ": " + e.getMessage(), e);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }
}
