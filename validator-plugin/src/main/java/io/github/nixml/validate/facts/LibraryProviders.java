package io.github.nixml.validate.facts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which nixpkgs packages provide a shared library that wheels load from the host ({@code libstdc++.so.6} →
 * {@code stdenv.cc.cc.lib}), each row with its source: {@code /nixml/library-providers.tsv}. The one table that
 * {@code wheel-library-missing} and {@code nixml doctor} both name packages from; a soname no row names is unknown.
 */
public final class LibraryProviders {
  private static final String RESOURCE = "/nixml/library-providers.tsv";
  /** The package name meaning "only the NVIDIA driver provides it". */
  public static final String DRIVER = "driver";
  private static final LibraryProviders BUNDLED = load();

  /**
   * One library: the packages that hold it (the first is the one to suggest), its CUDA major where it belongs to a
   * CUDA release, and why we know.
   */
  public record Provider(String soname, List<String> packages, OptionalInt cudaMajor, String source) {
    public String suggested() {
      return packages.get(0);
    }

    /** Only the NVIDIA driver ships it ({@code libcuda.so.1}): no package can be added for it. */
    public boolean driverOnly() {
      return packages.equals(List.of(DRIVER));
    }
  }

  private final Map<String, Provider> bySoname;

  private LibraryProviders(Map<String, Provider> bySoname) {
    this.bySoname = Map.copyOf(bySoname);
  }

  public static LibraryProviders bundled() {
    return BUNDLED;
  }

  public Optional<Provider> of(String soname) {
    return Optional.ofNullable(bySoname.get(soname));
  }

  /**
   * The library {@code lib<stem>.so.*} of CUDA major {@code major} ({@code cublas}, 12: {@code libcublas.so.12});
   * empty when no row names one.
   */
  public Optional<Provider> cudaLibrary(String stem, int major) {
    String prefix = "lib" + stem + ".so.";
    return bySoname.values().stream()
        .filter(p -> p.soname().startsWith(prefix) && p.soname().substring(prefix.length()).matches("\\d+")
            && p.cudaMajor().isPresent() && p.cudaMajor().getAsInt() == major)
        .findFirst();
  }

  public int size() {
    return bySoname.size();
  }

  static LibraryProviders parse(String text) {
    Map<String, Provider> rows = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] columns = line.split("\t");
      if (columns.length != 4) {
        throw new IllegalStateException(RESOURCE + ": expected 4 tab-separated columns in: " + line);
      }
      OptionalInt cuda = columns[2].equals("-") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(columns[2]));
      rows.put(columns[0], new Provider(columns[0], List.of(columns[1].split(" ")), cuda, columns[3]));
    }
    return new LibraryProviders(rows);
  }

  private static LibraryProviders load() {
    try (InputStream in = LibraryProviders.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
