package io.github.nixml.validate.facts;

import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CUDA major a locked Python package is built for, from what its name or version says; unknown otherwise.
 * Each form, one entry:
 * <ul>
 *   <li>{@code nvidia-*-cu12}, {@code nvidia-*-cu13}: the suffix;</li>
 *   <li>the unsuffixed {@code nvidia-*} packages of CUDA 13 whose version is the toolkit's
 *       ({@code nvidia-cublas 13.1.0.3}, {@code nvidia-cuda-runtime 13.0.96}, read on an H200 host with torch
 *       2.11.0+cu130): the version's major. Not the other unsuffixed ones: {@code nvidia-cufft 12.0.0.61} and
 *       {@code nvidia-cusparse 12.6.3.3} are CUDA 13 libraries, their versions are their own;</li>
 *   <li>{@code torch}, {@code torchvision}, {@code torchaudio} with a local version {@code +cuXYZ}: {@code XY}
 *       ({@code cu118} 11, {@code cu128} 12, {@code cu130} 13);</li>
 *   <li>{@code cupy-cuda12x} (and the older {@code cupy-cuda117}): the digits but the last for three-digit ones;</li>
 *   <li>{@code jax-cuda12-plugin}, {@code jax-cuda12-pjrt}, {@code jaxlib} with a local {@code +cuda12…}.</li>
 * </ul>
 */
public final class CudaWheelMajor {
  private CudaWheelMajor() {}

  /** The unsuffixed nvidia packages versioned as the CUDA toolkit is (seen for CUDA 13). */
  private static final Map<String, Integer> TOOLKIT_VERSIONED = Map.of(
      "nvidia-cublas", 13, "nvidia-cuda-runtime", 13, "nvidia-cuda-nvrtc", 13, "nvidia-cuda-cupti", 13,
      "nvidia-nvjitlink", 13, "nvidia-nvtx", 13);

  private static final Pattern NVIDIA_SUFFIXED = Pattern.compile("nvidia-[a-z0-9-]+-cu(\\d{2})");
  private static final Pattern TORCH = Pattern.compile("torch|torchvision|torchaudio");
  private static final Pattern TORCH_LOCAL = Pattern.compile("\\+cu(\\d{3})(?:\\..*)?");
  private static final Pattern CUPY = Pattern.compile("cupy-cuda(\\d{2})(x|\\d)");
  private static final Pattern JAX_PLUGIN = Pattern.compile("jax-cuda(\\d{2})-(plugin|pjrt)");
  private static final Pattern JAXLIB_LOCAL = Pattern.compile("\\+cuda(\\d{2})(?:\\d|\\..*)?");

  /** The major for a lock entry's normalized name and version; empty when neither says it. */
  public static OptionalInt of(String name, String version) {
    String normalized = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_.]+", "-");
    int plus = version.indexOf('+');
    String local = plus < 0 ? "" : version.substring(plus);
    Matcher m = NVIDIA_SUFFIXED.matcher(normalized);
    if (m.matches()) {
      return OptionalInt.of(Integer.parseInt(m.group(1)));
    }
    Integer toolkitMajor = TOOLKIT_VERSIONED.get(normalized);
    if (toolkitMajor != null) {
      // Only the majors where the data shows the convention; other versions (old stubs) stay unknown.
      return leadingNumber(version) == toolkitMajor ? OptionalInt.of(toolkitMajor) : OptionalInt.empty();
    }
    if (TORCH.matcher(normalized).matches() && (m = TORCH_LOCAL.matcher(local)).matches()) {
      return OptionalInt.of(Integer.parseInt(m.group(1).substring(0, 2)));
    }
    if ((m = CUPY.matcher(normalized)).matches() || (m = JAX_PLUGIN.matcher(normalized)).matches()) {
      return OptionalInt.of(Integer.parseInt(m.group(1)));
    }
    if (normalized.equals("jaxlib") && (m = JAXLIB_LOCAL.matcher(local)).matches()) {
      return OptionalInt.of(Integer.parseInt(m.group(1)));
    }
    return OptionalInt.empty();
  }

  private static int leadingNumber(String version) {
    int end = 0;
    while (end < version.length() && Character.isDigit(version.charAt(end))) {
      end++;
    }
    return end == 0 || end > 9 ? -1 : Integer.parseInt(version.substring(0, end));
  }
}
