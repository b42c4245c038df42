package io.github.nixml.archetype.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What META-INF/archetype-post-generate.groovy runs once the templates are written (compiled Java in the archetype
 * jar: a Groovy script of this size costs seconds to compile on every generation).
 *
 * <ol>
 *   <li>Validates the properties: on a bad value it removes what the templates wrote and fails with one message
 *       naming each bad property, its value and the allowed form.
 *   <li>Writes the free-text values as written. Velocity must never see them: the archetype generator evaluates any
 *       property value holding "${" as a template, which eats "##" and "#set". So the templates hold
 *       {@code @@<format>:<name>@@} tokens, replaced here in one pass by a Nix or TOML string literal, or by the raw
 *       text in Markdown.
 * </ol>
 */
public final class PostGeneration {

  /** Exactly the files the templates write, the package directory aside. */
  static final List<String> GENERATED_FILES =
      List.of("pom.xml", "flake.nix", ".python-version", ".envrc", ".gitignore", "pyproject.toml", "README.md");

  static final List<String> FILES_WITH_TOKENS = List.of("flake.nix", "pyproject.toml", "README.md");

  private static final Pattern TOKEN = Pattern.compile("@@(nix|toml|raw):([A-Za-z]+)@@");

  private PostGeneration() {}

  /**
   * Entry point of the post-generate script: {@code properties} are the request's raw properties.
   *
   * @throws IllegalArgumentException for invalid property values, after removing the generated files
   */
  public static void run(Properties properties, String outputDirectory, String artifactId, String version) {
    Path root = Path.of(outputDirectory).toAbsolutePath().normalize();
    Path project = root.resolve(artifactId).normalize();
    List<String> problems = new ArrayList<>();
    for (ArchetypeProperty property : ArchetypeProperty.values()) {
      property.problem(properties).ifPresent(problems::add);
    }
    if (!problems.isEmpty()) {
      removeGenerated(project, properties.getProperty("package", ""));
      throw new IllegalArgumentException("Invalid archetype property " + (problems.size() == 1 ? "value" : "values")
          + ", nothing was generated: " + String.join("; ", problems));
    }
    Map<String, String> values = Map.of(
        "artifactId", artifactId,
        "projectDescription", properties.getProperty("projectDescription", ""),
        "pythonProjectVersion", pep440(version));
    for (String name : FILES_WITH_TOKENS) {
      replaceTokens(project.resolve(name), values);
    }
  }

  /** Maven's x.y-SNAPSHOT is PEP 440's x.y.dev0; other versions are kept as written. */
  static String pep440(String mavenVersion) {
    return mavenVersion.endsWith("-SNAPSHOT")
        ? mavenVersion.substring(0, mavenVersion.length() - "-SNAPSHOT".length()) + ".dev0"
        : mavenVersion;
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
        default -> value;
      };
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static void replaceTokens(Path file, Map<String, String> values) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      Files.writeString(file, replaceTokens(text, values), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot finish " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Removes the generated files, then the directories that became empty, up to and including the project
   * directory: what the user had there before stays.
   */
  static void removeGenerated(Path project, String packageName) {
    List<Path> files = new ArrayList<>();
    GENERATED_FILES.forEach(name -> files.add(project.resolve(name)));
    // Packaged templates land under src/<package with dots as slashes>, as the generator places them.
    files.add(project.resolve("src/" + packageName.replace('.', '/') + "/__init__.py").normalize());
    try {
      for (Path file : files) {
        if (!file.startsWith(project)) {
          continue;
        }
        Files.deleteIfExists(file);
        for (Path dir = file.getParent(); dir != null && dir.startsWith(project); dir = dir.getParent()) {
          if (!Files.isDirectory(dir) || !isEmpty(dir)) {
            break;
          }
          Files.delete(dir);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the generated project " + project + ": " + e.getMessage(), e);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }
}
