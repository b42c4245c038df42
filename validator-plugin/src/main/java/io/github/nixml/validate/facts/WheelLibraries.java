package io.github.nixml.validate.facts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Linux wheels need from the host and what they ship for their sibling wheels, each row with its source:
 * {@code /nixml/wheel-libraries.tsv}, read from the ELF files of real wheels ({@code DT_NEEDED}). A wheel no row
 * names is unknown and needs nothing known. Which nixpkgs package provides a library is {@link LibraryProviders}.
 */
public final class WheelLibraries {
  private static final String RESOURCE = "/nixml/wheel-libraries.tsv";
  private static final WheelLibraries BUNDLED = load();

  /**
   * One row: a wheel (normalized name) for the versions it covers, the sonames its import loads from outside it,
   * those only optional parts load, the sonames it ships for other wheels, and where it was measured.
   */
  public record Entry(String wheel, List<String> versions, Set<String> needs, Set<String> optional,
      Set<String> ships, String source) {
    public Entry {
      versions = List.copyOf(versions);
      needs = Set.copyOf(needs);
      optional = Set.copyOf(optional);
      ships = Set.copyOf(ships);
    }

    /** Whether the row covers {@code version}; an unknown (empty) version is covered only by {@code *}. */
    public boolean covers(String version) {
      return versions.stream().anyMatch(pattern -> VersionPattern.matches(pattern, version));
    }
  }

  private final Map<String, List<Entry>> byWheel;

  private WheelLibraries(Map<String, List<Entry>> byWheel) {
    this.byWheel = Map.copyOf(byWheel);
  }

  public static WheelLibraries bundled() {
    return BUNDLED;
  }

  /** The row for a distribution and version ({@code ""} when not pinned); empty when no row covers it. */
  public Optional<Entry> of(String name, String version) {
    return byWheel.getOrDefault(normalize(name), List.of()).stream().filter(e -> e.covers(version)).findFirst();
  }

  /** Every row, in file order. */
  public List<Entry> entries() {
    return byWheel.values().stream().flatMap(List::stream).toList();
  }

  /** A distribution name as PEP 503 compares it: lower case, each run of {@code -_.} one {@code -}. */
  public static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
  }

  static WheelLibraries parse(String text) {
    Map<String, List<Entry>> rows = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] columns = line.split("\t");
      if (columns.length != 6) {
        throw new IllegalStateException(RESOURCE + ": expected 6 tab-separated columns in: " + line);
      }
      Entry entry = new Entry(columns[0], List.of(columns[1].split(",")), sonames(columns[2]),
          sonames(columns[3]), sonames(columns[4]), columns[5]);
      rows.computeIfAbsent(columns[0], k -> new ArrayList<>()).add(entry);
    }
    return new WheelLibraries(rows);
  }

  private static Set<String> sonames(String column) {
    return column.equals("-") ? Set.of() : Set.of(column.split(" "));
  }

  private static WheelLibraries load() {
    try (InputStream in = WheelLibraries.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The version column's patterns: {@code *}, a glob ({@code *+cu12*}), {@code >=V} or {@code <V}, or a version. */
  static final class VersionPattern {
    private VersionPattern() {}

    static boolean matches(String pattern, String version) {
      if (pattern.equals("*")) {
        return true;
      }
      if (version.isEmpty()) {
        return false;
      }
      if (pattern.startsWith(">=")) {
        return compare(version, pattern.substring(2)) >= 0;
      }
      if (pattern.startsWith("<")) {
        return compare(version, pattern.substring(1)) < 0;
      }
      if (pattern.contains("*")) {
        List<String> parts = new ArrayList<>();
        for (String part : pattern.split("\\*", -1)) {
          parts.add(part.isEmpty() ? "" : java.util.regex.Pattern.quote(part));
        }
        return version.matches(String.join(".*", parts));
      }
      return pattern.equals(version);
    }

    /** Compares the numeric release parts ({@code 2.11.0} of {@code 2.11.0+cu130}); missing parts count as 0. */
    static int compare(String a, String b) {
      String[] x = release(a);
      String[] y = release(b);
      for (int i = 0; i < Math.max(x.length, y.length); i++) {
        long p = i < x.length ? number(x[i]) : 0;
        long q = i < y.length ? number(y[i]) : 0;
        if (p != q) {
          return Long.compare(p, q);
        }
      }
      return 0;
    }

    private static String[] release(String version) {
      int end = 0;
      while (end < version.length() && (Character.isDigit(version.charAt(end)) || version.charAt(end) == '.')) {
        end++;
      }
      return version.substring(0, end).split("\\.");
    }

    private static long number(String part) {
      return part.isEmpty() || part.length() > 18 ? 0 : Long.parseLong(part);
    }
  }
}
