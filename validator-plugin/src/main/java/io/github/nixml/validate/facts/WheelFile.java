package io.github.nixml.validate.facts;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A wheel by its file name, as the wheel spec writes it: {@code {name}-{ver}(-{build})?-{py}-{abi}-{plat}.whl}, where
 * each tag part may be a {@code .}-separated set ({@code manylinux_2_17_x86_64.manylinux2014_x86_64}).
 *
 * @param fileName the file name, percent-decoded ({@code torch-2.7.1+cu128-cp312-cp312-manylinux_2_28_x86_64.whl})
 * @param tags every {@code py-abi-plat} combination the name stands for
 */
public record WheelFile(String fileName, List<Tag> tags) {

  /** One compatibility tag. */
  public record Tag(String python, String abi, String platform) {
    /**
     * Whether a Linux x86_64/aarch64 shell installs it: {@code manylinux*} and {@code musllinux*} for those
     * architectures, and the plain {@code linux_x86_64}/{@code linux_aarch64}.
     */
    public boolean isLinux() {
      return LINUX.matcher(platform).matches();
    }
  }

  private static final Pattern LINUX =
      Pattern.compile("(manylinux\\d*(_\\d+_\\d+)?|musllinux_\\d+_\\d+|linux)_(x86_64|aarch64)");

  public WheelFile {
    tags = List.copyOf(tags);
  }

  /** Whether any of its tags is for Linux x86_64/aarch64. */
  public boolean isLinux() {
    return tags.stream().anyMatch(Tag::isLinux);
  }

  /** Whether a Linux x86_64/aarch64 shell installs it: a Linux tag, or a pure wheel for any platform. */
  public boolean installsOnLinux() {
    return isLinux() || tags.stream().anyMatch(tag -> tag.platform().equals("any"));
  }

  /** The wheel a URL or path ends in ({@code %2B} decoded); empty when it does not name a wheel. */
  public static Optional<WheelFile> fromUrl(String url) {
    String last = url.substring(url.lastIndexOf('/') + 1);
    int query = last.indexOf('?');
    last = query < 0 ? last : last.substring(0, query);
    int fragment = last.indexOf('#');
    last = fragment < 0 ? last : last.substring(0, fragment);
    String decoded;
    try {
      decoded = URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return parse(decoded);
  }

  /** A wheel file name parsed; empty when it is not one (5 or 6 dash-separated parts ending in {@code .whl}). */
  public static Optional<WheelFile> parse(String fileName) {
    if (!fileName.endsWith(".whl")) {
      return Optional.empty();
    }
    String[] parts = fileName.substring(0, fileName.length() - 4).split("-", -1);
    if (parts.length != 5 && parts.length != 6) {
      return Optional.empty();
    }
    int n = parts.length;
    List<Tag> tags = new ArrayList<>();
    for (String python : parts[n - 3].split("\\.")) {
      for (String abi : parts[n - 2].split("\\.")) {
        for (String platform : parts[n - 1].split("\\.")) {
          tags.add(new Tag(python, abi, platform));
        }
      }
    }
    return Optional.of(new WheelFile(fileName, tags));
  }
}
