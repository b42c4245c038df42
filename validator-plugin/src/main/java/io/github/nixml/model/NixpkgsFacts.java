package io.github.nixml.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Facts about nixpkgs per release, each with its source in nixpkgs: what an alias such as {@code python3} points
 * to, and which attributes ({@code python38}) a release no longer has. The data is
 * {@code /nixml/nixpkgs-facts.tsv}; a revision no row covers is unknown (empty), never guessed.
 */
public final class NixpkgsFacts {
  private static final String RESOURCE = "/nixml/nixpkgs-facts.tsv";
  private static final NixpkgsFacts BUNDLED = load();

  /** What an alias points to on a revision ({@code python3} → {@code python312}), and why we know. */
  public record Alias(String attribute, String target, String source) {}

  /**
   * An attribute gone from a revision: the release that removed it, what to use instead, and why we know.
   *
   * @param source the pull request or commit and file, starting with its reference ({@code NixOS/nixpkgs#285779})
   */
  public record Removal(String attribute, NixpkgsRevision.Release release, String replacement, String source) {
    /** The first word of the source: {@code NixOS/nixpkgs#285779}. */
    public String reference() {
      int space = source.indexOf(' ');
      return space < 0 ? source : source.substring(0, space);
    }
  }

  private enum Kind { ALIAS, REMOVED }

  /** One row: a release, or an unstable range [from, to) of commit days. */
  private record Row(Kind kind, String attribute, NixpkgsRevision.Release release, LocalDate from, LocalDate to,
      String value, String source) {

    boolean covers(NixpkgsRevision revision) {
      if (revision instanceof NixpkgsRevision.Release asked) {
        return release != null && (kind == Kind.REMOVED ? asked.compareTo(release) >= 0 : asked.equals(release));
      }
      LocalDate day = ((NixpkgsRevision.Unstable) revision).committed();
      if (release != null) {
        return kind == Kind.REMOVED && !day.isBefore(release.releaseDate());
      }
      return !day.isBefore(from) && day.isBefore(to);
    }
  }

  private final List<Row> rows;

  private NixpkgsFacts(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  /** The facts shipped with nixml. */
  public static NixpkgsFacts bundled() {
    return BUNDLED;
  }

  /**
   * Facts read from text in the format of {@code nixpkgs-facts.tsv}: tab-separated {@code fact attribute revisions
   * value source}, {@code #} comments.
   *
   * @throws IllegalArgumentException on a malformed row (the data is ours: a bad row is a bug, not input)
   */
  public static NixpkgsFacts parse(String text) {
    List<Row> rows = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      rows.add(row(line));
    }
    return new NixpkgsFacts(rows);
  }

  /** What {@code python3} is on a revision ({@code python312}). */
  public Optional<Alias> python3(NixpkgsRevision revision) {
    return alias("python3", revision);
  }

  /** What {@code cudaPackages} is on a revision ({@code cudaPackages_12_4}). */
  public Optional<Alias> defaultCudaPackages(NixpkgsRevision revision) {
    return alias("cudaPackages", revision);
  }

  /** What an alias points to on a revision, when a row says. */
  public Optional<Alias> alias(String attribute, NixpkgsRevision revision) {
    return find(Kind.ALIAS, attribute, revision).map(row -> new Alias(attribute, row.value(), row.source()));
  }

  /** The removal of a top-level attribute, when the revision is known to lack it. */
  public Optional<Removal> removedAttribute(String attribute, NixpkgsRevision revision) {
    return find(Kind.REMOVED, attribute, revision)
        .map(row -> new Removal(attribute, row.release(), row.value(), row.source()));
  }

  private Optional<Row> find(Kind kind, String attribute, NixpkgsRevision revision) {
    Objects.requireNonNull(revision, "revision");
    return rows.stream()
        .filter(row -> row.kind() == kind && row.attribute().equals(attribute) && row.covers(revision))
        .findFirst();
  }

  private static Row row(String line) {
    String[] cells = line.split("\t", -1);
    if (cells.length != 5 || cells[4].isBlank()) {
      throw new IllegalArgumentException("nixpkgs facts: want 5 cells with a source: " + line);
    }
    Kind kind = switch (cells[0]) {
      case "alias" -> Kind.ALIAS;
      case "removed" -> Kind.REMOVED;
      default -> throw new IllegalArgumentException("nixpkgs facts: unknown fact " + cells[0]);
    };
    String revisions = cells[2];
    if (revisions.startsWith("unstable ")) {
      String[] range = revisions.substring("unstable ".length()).split("\\.\\.", -1);
      if (kind != Kind.ALIAS || range.length != 2) {
        throw new IllegalArgumentException("nixpkgs facts: want `unstable FROM..TO` on an alias: " + line);
      }
      return new Row(kind, cells[1], null, LocalDate.parse(range[0]), LocalDate.parse(range[1]), cells[3], cells[4]);
    }
    NixpkgsRevision.Release release = NixpkgsRevision.Release.parse(revisions)
        .orElseThrow(() -> new IllegalArgumentException("nixpkgs facts: not a release: " + line));
    return new Row(kind, cells[1], release, null, null, cells[3], cells[4]);
  }

  private static NixpkgsFacts load() {
    try (InputStream in = NixpkgsFacts.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
