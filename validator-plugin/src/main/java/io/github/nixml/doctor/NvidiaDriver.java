package io.github.nixml.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The loaded NVIDIA kernel driver's version, from {@code /proc/driver/nvidia/version}
 * ({@code NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  580.159.04  Release Build …}), and the oldest
 * driver each CUDA major runs on.
 *
 * <p>The floors are NVIDIA's, from the CUDA Toolkit release notes, table "CUDA Toolkit and Minimum Required Driver
 * Version for CUDA Minor Version Compatibility" (docs.nvidia.com/cuda/cuda-toolkit-release-notes/, Linux column):
 * CUDA 13.x needs 580 or newer, 12.x 525.60.13, 11.x 450.80.02. A driver below the floor of a major cannot run any
 * toolkit of that major; {@code cuInit} fails with {@code CUDA_ERROR_SYSTEM_DRIVER_MISMATCH} or
 * {@code torch.cuda.is_available()} is false.
 */
public record NvidiaDriver(String version) {

  /** The minimum driver per CUDA major, from the release notes' minor-version-compatibility table. */
  private static final Map<Integer, String> FLOORS = Map.of(13, "580", 12, "525.60.13", 11, "450.80.02");

  private static final Pattern NVRM = Pattern.compile("NVRM version:.*?\\s(\\d+\\.\\d+(?:\\.\\d+)?)(?:\\s|$)");

  /** The version in the file's text; empty when no {@code NVRM version} line names one. */
  public static Optional<NvidiaDriver> parse(String text) {
    for (String line : text.split("\n")) {
      Matcher m = NVRM.matcher(line);
      if (m.find()) {
        return Optional.of(new NvidiaDriver(m.group(1)));
      }
    }
    return Optional.empty();
  }

  /** The oldest driver CUDA {@code major} runs on; empty for a major the table does not have. */
  public static Optional<String> floor(int major) {
    return Optional.ofNullable(FLOORS.get(major));
  }

  /** Whether this driver is older than {@code floor} (dotted numbers compared part by part). */
  public boolean olderThan(String floor) {
    List<Long> mine = parts(version);
    List<Long> theirs = parts(floor);
    for (int i = 0; i < Math.max(mine.size(), theirs.size()); i++) {
      long a = i < mine.size() ? mine.get(i) : 0;
      long b = i < theirs.size() ? theirs.get(i) : 0;
      if (a != b) {
        return a < b;
      }
    }
    return false;
  }

  private static List<Long> parts(String version) {
    List<Long> parts = new ArrayList<>();
    for (String part : version.split("\\.")) {
      try {
        parts.add(Long.parseLong(part));
      } catch (NumberFormatException e) {
        parts.add(0L);
      }
    }
    return parts;
  }
}
