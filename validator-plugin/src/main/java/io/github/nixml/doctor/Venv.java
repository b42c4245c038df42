package io.github.nixml.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Python virtual environment as files: its folder, {@code pyvenv.cfg} (each key with its line), its
 * site-packages and every distribution installed there, with the files its {@code *.dist-info/RECORD} lists.
 */
public record Venv(Path directory, Path config, Map<String, Setting> settings, Optional<Path> sitePackages,
    List<Distribution> distributions) {

  /** One {@code key = value} line of {@code pyvenv.cfg}. */
  public record Setting(String value, int line) {}

  /** One installed distribution: its name and version (from the dist-info folder's name) and its files. */
  public record Distribution(String name, String version, Path distInfo, List<Path> files) {
    public Distribution {
      files = List.copyOf(files);
    }

    /** {@code torch 2.11.0+cu130}. */
    public String label() {
      return name + " " + version;
    }
  }

  /** Larger RECORD files are not read (torch's is about 1 MiB). */
  private static final long MAX_RECORD_BYTES = 64L << 20;
  private static final long MAX_CONFIG_BYTES = 1L << 20;

  public Venv {
    settings = Map.copyOf(settings);
    distributions = List.copyOf(distributions);
  }

  /**
   * The environment's venv: {@code VIRTUAL_ENV}, else {@code .venv} under the project; empty when neither holds a
   * {@code pyvenv.cfg}.
   */
  public static Optional<Path> locate(Map<String, String> environment, Path project) {
    String active = environment.get("VIRTUAL_ENV");
    try {
      Path candidate = active != null && !active.isBlank() ? Path.of(active) : project.resolve(".venv");
      candidate = candidate.toAbsolutePath().normalize();
      return Files.isRegularFile(candidate.resolve("pyvenv.cfg")) ? Optional.of(candidate) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** Reads the venv at {@code directory}: unreadable parts are left out. */
  public static Venv read(Path directory) {
    Path config = directory.resolve("pyvenv.cfg");
    Map<String, Setting> settings = readConfig(config);
    Optional<Path> sitePackages = sitePackages(directory);
    List<Distribution> distributions = new ArrayList<>();
    if (sitePackages.isPresent()) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(sitePackages.get(), "*.dist-info")) {
        for (Path distInfo : entries) {
          distribution(sitePackages.get(), distInfo).ifPresent(distributions::add);
        }
      } catch (IOException e) {
        // an unreadable site-packages holds nothing we can check
      }
    }
    distributions.sort(Comparator.comparing(Distribution::name).thenComparing(Distribution::version));
    return new Venv(directory, config, settings, sitePackages, distributions);
  }

  /** The venv's Python version: {@code version_info} (uv), else {@code version} (venv, virtualenv). */
  public Optional<Setting> pythonVersion() {
    Setting info = settings.get("version_info");
    return info != null ? Optional.of(info) : Optional.ofNullable(settings.get("version"));
  }

  /** The folder of the interpreter the venv was made from. */
  public Optional<Setting> home() {
    return Optional.ofNullable(settings.get("home"));
  }

  /** The venv's interpreter, {@code bin/python}. */
  public Path python() {
    return directory.resolve("bin").resolve("python");
  }

  private static Map<String, Setting> readConfig(Path config) {
    Map<String, Setting> settings = new LinkedHashMap<>();
    try {
      if (Files.size(config) > MAX_CONFIG_BYTES) {
        return settings;
      }
      List<String> lines = Files.readAllLines(config, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        int equals = line.indexOf('=');
        if (equals > 0) {
          settings.putIfAbsent(line.substring(0, equals).strip().toLowerCase(java.util.Locale.ROOT),
              new Setting(line.substring(equals + 1).strip(), i + 1));
        }
      }
    } catch (IOException | RuntimeException e) {
      // unreadable: no settings
    }
    return settings;
  }

  private static Optional<Path> sitePackages(Path directory) {
    for (String lib : List.of("lib", "lib64")) {
      Path libDir = directory.resolve(lib);
      if (!Files.isDirectory(libDir)) {
        continue;
      }
      try (DirectoryStream<Path> pythons = Files.newDirectoryStream(libDir, "python*")) {
        List<Path> found = new ArrayList<>();
        for (Path python : pythons) {
          if (Files.isDirectory(python.resolve("site-packages"))) {
            found.add(python.resolve("site-packages"));
          }
        }
        found.sort(Comparator.naturalOrder());
        if (!found.isEmpty()) {
          return Optional.of(found.get(0));
        }
      } catch (IOException e) {
        // try the next
      }
    }
    return Optional.empty();
  }

  private static Optional<Distribution> distribution(Path sitePackages, Path distInfo) {
    String folder = distInfo.getFileName().toString();
    String stem = folder.substring(0, folder.length() - ".dist-info".length());
    int dash = stem.indexOf('-');
    String name = dash < 0 ? stem : stem.substring(0, dash);
    String version = dash < 0 ? "" : stem.substring(dash + 1);
    List<Path> files = new ArrayList<>();
    Path record = distInfo.resolve("RECORD");
    try {
      if (Files.isRegularFile(record) && Files.size(record) <= MAX_RECORD_BYTES) {
        for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
          String path = firstCsvField(line);
          if (path.isEmpty()) {
            continue;
          }
          try {
            files.add(sitePackages.resolve(path).normalize());
          } catch (InvalidPathException e) {
            // a name this file system cannot hold is no file of ours
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // unreadable RECORD: no files
    }
    return Optional.of(new Distribution(name.replace('_', '-').toLowerCase(java.util.Locale.ROOT), version, distInfo,
        files));
  }

  /** The first field of a RECORD line (CSV: a field may be quoted, {@code ""} inside is one quote). */
  static String firstCsvField(String line) {
    if (!line.startsWith("\"")) {
      int comma = line.indexOf(',');
      return (comma < 0 ? line : line.substring(0, comma)).strip();
    }
    StringBuilder field = new StringBuilder();
    for (int i = 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else {
          break;
        }
      } else {
        field.append(c);
      }
    }
    return field.toString();
  }

  /** {@code cuda = '13.0'} in torch's {@code version.py}: its major. */
  public static OptionalInt torchCudaMajor(String versionPy) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("(?m)^cuda\\s*(?::[^=\\n]*)?=\\s*['\"](\\d+)\\.").matcher(versionPy);
    return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }
}
