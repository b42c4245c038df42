package io.github.nixml.validate.facts;

import io.github.nixml.model.PackageRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The nixpkgs packages whose build reads {@code config.cudaSupport} (a source-built {@code python3Packages.torch},
 * {@code opencv}, {@code jaxlib}, {@code magma} …), each row with its source: {@code /nixml/cuda-support-readers.tsv}.
 * Taken from an instance without {@code cudaSupport = true}, such a package is built without CUDA. Packages that are
 * CUDA whatever the config says ({@code torch-bin}, {@code torchWithCuda}, {@code cudaPackages.*}) are not readers.
 */
public final class CudaSupportReaders {
  private static final String RESOURCE = "/nixml/cuda-support-readers.tsv";
  private static final Pattern PYTHON_SET = Pattern.compile("python\\d*Packages");
  private static final CudaSupportReaders BUNDLED = load();

  /** One reader: its attribute, whether it lives in a Python package set, and why we know. */
  public record Reader(String attribute, boolean python, String source) {}

  private final Map<String, Reader> byKey;

  private CudaSupportReaders(Map<String, Reader> byKey) {
    this.byKey = Map.copyOf(byKey);
  }

  public static CudaSupportReaders bundled() {
    return BUNDLED;
  }

  /** The row for a shell package: {@code python312Packages.torch} or {@code opencv}; empty when it reads nothing. */
  public Optional<Reader> of(PackageRef ref) {
    if (ref.attrPath().size() == 2 && PYTHON_SET.matcher(ref.attrPath().get(0)).matches()) {
      return Optional.ofNullable(byKey.get("python:" + ref.attrPath().get(1)));
    }
    if (ref.attrPath().size() == 1) {
      return Optional.ofNullable(byKey.get("top:" + ref.attrPath().get(0)));
    }
    return Optional.empty();
  }

  public int size() {
    return byKey.size();
  }

  static CudaSupportReaders parse(String text) {
    Map<String, Reader> rows = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] columns = line.split("\t");
      if (columns.length != 3 || !(columns[1].equals("python") || columns[1].equals("top"))) {
        throw new IllegalStateException(RESOURCE + ": expected attribute, python|top, source in: " + line);
      }
      rows.put(columns[1] + ":" + columns[0], new Reader(columns[0], columns[1].equals("python"), columns[2]));
    }
    return new CudaSupportReaders(rows);
  }

  private static CudaSupportReaders load() {
    try (InputStream in = CudaSupportReaders.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
