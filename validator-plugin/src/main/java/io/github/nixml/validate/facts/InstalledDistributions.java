package io.github.nixml.validate.facts;

import io.github.nixml.toml.TomlDocument;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.ProjectContext;
import io.github.nixml.validate.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * The distributions this project installs into its venv on a Linux shell, each with the evidence for it, strongest
 * first: {@code uv.lock} and {@code pylock.toml} (PEP 751) entries with a wheel for Linux x86_64/aarch64 or none
 * ({@link Evidence#LOCKED}); {@code name==version} lines of {@code requirements*.txt}, {@code -r} includes inside the
 * project followed ({@link Evidence#PINNED}); their other lines ({@link Evidence#UNPINNED}); {@code [project]
 * dependencies} of pyproject.toml ({@link Evidence#DECLARED}). Entries whose environment marker only holds on
 * Windows or macOS, and lock entries whose wheels are all for other platforms, are left out.
 *
 * @param distributions in the order above, each file in file order
 */
public record InstalledDistributions(List<Distribution> distributions) {

  /** How sure it is that the distribution, at that version, lands in the venv. */
  public enum Evidence {
    /** A lock file's entry: name, version and wheels. */
    LOCKED,
    /** A requirements line pinning one version. */
    PINNED,
    /** A requirements line without one version. */
    UNPINNED,
    /** A pyproject.toml dependency: what is asked for, not what is installed. */
    DECLARED
  }

  /**
   * One distribution: its name as written, its version when one is pinned, the CUDA major its name or version says
   * ({@link CudaWheelMajor}), the file (root-relative) and the place it is written.
   */
  public record Distribution(String name, Optional<String> version, String file, Location location,
      Evidence evidence) {
    public OptionalInt cudaMajor() {
      return CudaWheelMajor.of(name, version.orElse(""));
    }

    /** {@code name version} or just the name, as messages write it. */
    public String label() {
      return version.map(v -> name + " " + v).orElse(name);
    }
  }

  public InstalledDistributions {
    distributions = List.copyOf(distributions);
  }

  /** What a lock file or a pinned requirement installs: the evidence that names a version. */
  public List<Distribution> pinned() {
    return distributions.stream()
        .filter(d -> d.evidence() == Evidence.LOCKED || d.evidence() == Evidence.PINNED).toList();
  }

  public static InstalledDistributions read(ProjectContext context) {
    List<Distribution> found = new ArrayList<>();
    String uvLock = context.uvLockSource().path();
    for (LockedWheels.LockedPackage p : context.get(ProjectFacts.LOCKED_WHEELS).forLinux()) {
      found.add(new Distribution(p.name(), p.version().isEmpty() ? Optional.empty() : Optional.of(p.version()),
          uvLock, p.location(), Evidence.LOCKED));
    }
    List<String> names = pythonDirectoryFiles(context);
    for (String name : names) {
      if (name.equals("pylock.toml") || (name.startsWith("pylock.") && name.endsWith(".toml"))) {
        readPylock(context.pythonFile(name), found);
      }
    }
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (name.startsWith("requirements") && name.endsWith(".txt")) {
        readRequirements(context, name, seen, found);
      }
    }
    readPyproject(context, found);
    found.sort(java.util.Comparator.comparing(Distribution::evidence));
    return new InstalledDistributions(found);
  }

  /** The file names in the Python project's directory, sorted; empty when it cannot be listed. */
  private static List<String> pythonDirectoryFiles(ProjectContext context) {
    String dir = context.pythonDirectory();
    Path path = dir.isEmpty() ? context.root() : context.root().resolve(dir);
    try (Stream<Path> files = Files.list(path)) {
      return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  private static void readPylock(SourceFile file, List<Distribution> into) {
    TomlTable lock = file.text().map(TomlDocument::parse).flatMap(TomlDocument::table).orElse(null);
    if (lock == null || !(lock.get("packages") instanceof TomlArray packages)) {
      return;
    }
    for (int i = 0; i < packages.size(); i++) {
      if (!(packages.get(i) instanceof TomlTable entry) || !(entry.get("name") instanceof String name)) {
        continue;
      }
      if (entry.get("marker") instanceof String marker && Markers.excludesLinux(marker)) {
        continue;
      }
      List<WheelFile> wheels = new ArrayList<>();
      if (entry.get("wheels") instanceof TomlArray array) {
        for (int w = 0; w < array.size(); w++) {
          if (array.get(w) instanceof TomlTable wheel) {
            Optional<String> named = wheel.get("name") instanceof String n ? Optional.of(n)
                : wheel.get("url") instanceof String u ? Optional.of(u)
                : wheel.get("path") instanceof String p ? Optional.of(p) : Optional.empty();
            named.flatMap(WheelFile::fromUrl).ifPresent(wheels::add);
          }
        }
      }
      if (!wheels.isEmpty() && wheels.stream().noneMatch(WheelFile::installsOnLinux)) {
        continue;
      }
      Optional<String> version = entry.get("version") instanceof String v ? Optional.of(v) : Optional.empty();
      TomlPosition at = packages.inputPositionOf(i);
      into.add(new Distribution(name, version, file.path(),
          at == null ? file.location() : file.location(at.line(), at.column()), Evidence.LOCKED));
    }
  }

  private static final Pattern INCLUDE = Pattern.compile("(?:-r|--requirement)(?:\\s+|=)(\\S+)");

  /** Reads a requirements file (project-relative {@code name}) and the files it includes inside the project. */
  private static void readRequirements(ProjectContext context, String name, Set<String> seen,
      List<Distribution> into) {
    if (!seen.add(name)) {
      return;
    }
    SourceFile file = context.pythonFile(name);
    Optional<String> text = file.text();
    if (text.isEmpty()) {
      return;
    }
    String[] lines = text.get().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int lineNumber = i + 1;
      StringBuilder logical = new StringBuilder(lines[i]);
      while (logical.toString().stripTrailing().endsWith("\\") && i + 1 < lines.length) {
        String current = logical.toString().stripTrailing();
        logical.setLength(0);
        logical.append(current, 0, current.length() - 1).append(' ').append(lines[++i]);
      }
      String line = withoutComment(logical.toString()).strip();
      if (line.isEmpty()) {
        continue;
      }
      Matcher include = INCLUDE.matcher(line);
      if (include.lookingAt()) {
        included(name, include.group(1)).ifPresent(other -> readRequirements(context, other, seen, into));
        continue;
      }
      if (line.startsWith("-")) {
        continue; // -c constraints, -e editables, --index-url and other options install nothing named here
      }
      int column = lines[lineNumber - 1].indexOf(line.charAt(0)) + 1;
      Requirement.parse(line).filter(r -> r.marker().map(m -> !Markers.excludesLinux(m)).orElse(true))
          .ifPresent(r -> into.add(new Distribution(r.name(), r.pinned(), file.path(),
              file.location(lineNumber, Math.max(1, column)),
              r.pinned().isPresent() ? Evidence.PINNED : Evidence.UNPINNED)));
    }
  }

  /** A {@code #} comment starts a line or follows whitespace; inside a URL fragment it does not. */
  private static String withoutComment(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  /** The project-relative path of an {@code -r} include of {@code from}; empty when it leaves the project. */
  private static Optional<String> included(String from, String target) {
    if (target.contains("://") || target.startsWith("/")) {
      return Optional.empty();
    }
    int slash = from.lastIndexOf('/');
    String joined = (slash < 0 ? "" : from.substring(0, slash + 1)) + target;
    List<String> parts = new ArrayList<>();
    for (String part : joined.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(part);
      }
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
  }

  private static void readPyproject(ProjectContext context, List<Distribution> into) {
    SourceFile file = context.pyprojectSource();
    TomlTable pyproject = context.pyproject().flatMap(TomlDocument::table).orElse(null);
    if (pyproject == null || !(pyproject.get("project") instanceof TomlTable project)
        || !(project.get("dependencies") instanceof TomlArray dependencies)) {
      return;
    }
    for (int i = 0; i < dependencies.size(); i++) {
      if (!(dependencies.get(i) instanceof String text)) {
        continue;
      }
      TomlPosition at = dependencies.inputPositionOf(i);
      Location location = at == null ? file.location() : nextValue(file, at);
      Requirement.parse(text).filter(r -> r.marker().map(m -> !Markers.excludesLinux(m)).orElse(true))
          .ifPresent(r -> into.add(new Distribution(r.name(), r.pinned(), file.path(), location,
              Evidence.DECLARED)));
    }
  }

  /**
   * Where an array element really starts: tomlj places it just after the {@code [} or {@code ,} before it, so
   * whitespace, line ends and comments are skipped.
   */
  private static Location nextValue(SourceFile file, TomlPosition at) {
    String text = file.text().orElse("");
    int offset = file.offsetOf(at.line(), at.column());
    while (offset < text.length()) {
      char c = text.charAt(offset);
      if (c == '#') {
        while (offset < text.length() && text.charAt(offset) != '\n') {
          offset++;
        }
      } else if (Character.isWhitespace(c)) {
        offset++;
      } else {
        break;
      }
    }
    return file.locationAt(offset);
  }

  /** A PEP 508 requirement, as far as it matters here: the name, one pinned version, the marker. */
  record Requirement(String name, Optional<String> pinned, Optional<String> marker) {
    private static final Pattern FORM = Pattern.compile(
        "([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(?:\\[[^\\]]*\\])?\\s*([^;]*?)\\s*(?:;\\s*(.*))?");
    private static final Pattern PIN = Pattern.compile("===?\\s*([A-Za-z0-9][A-Za-z0-9.+!_-]*)");

    static Optional<Requirement> parse(String text) {
      String withoutHashes = text.replaceAll("\\s--hash(?:=|\\s+)\\S+", "").strip();
      Matcher m = FORM.matcher(withoutHashes);
      if (!m.matches()) {
        return Optional.empty();
      }
      Matcher pin = PIN.matcher(m.group(2));
      Optional<String> version = pin.matches() ? Optional.of(pin.group(1)) : Optional.empty();
      return Optional.of(new Requirement(m.group(1), version, Optional.ofNullable(m.group(3))));
    }
  }

  /** Environment markers, read only as far as "does this hold only off Linux?". */
  static final class Markers {
    private Markers() {}

    private static final Pattern OTHER_PLATFORM = Pattern.compile(
        "(sys_platform\\s*==\\s*['\"](win32|darwin|cygwin)['\"]"
            + "|platform_system\\s*==\\s*['\"](windows|darwin)['\"]"
            + "|os_name\\s*==\\s*['\"]nt['\"]"
            + "|sys_platform\\s*!=\\s*['\"]linux['\"]"
            + "|platform_system\\s*!=\\s*['\"]linux['\"])");

    /** True when the marker is a conjunction with a clause that is false on Linux; unknown (false) with {@code or}. */
    static boolean excludesLinux(String marker) {
      String lower = marker.toLowerCase(Locale.ROOT);
      return !lower.matches(".*\\bor\\b.*") && OTHER_PLATFORM.matcher(lower).find();
    }
  }
}
