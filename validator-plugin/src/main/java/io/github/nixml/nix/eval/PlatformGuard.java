package io.github.nixml.nix.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The platforms on which an entry is present: {@code lib.optionals stdenv.isLinux […]} puts its items under a
 * Linux-only guard; {@code if stdenv.isDarwin then … else …} splits into Darwin and not-Darwin. Each system of
 * nixpkgs' {@code lib.systems.flakeExposed} has its own platform, so that a test on the system name
 * ({@code system == "x86_64-linux"}) is exact; every other system falls into "other Linux", "other Darwin" or
 * "other".
 */
public record PlatformGuard(int mask) {
  /** The systems with a platform of their own, in bit order; {@code null} marks the "other" of a kernel. */
  private static final List<String> SYSTEMS = java.util.Arrays.asList("x86_64-linux", "aarch64-linux",
      "armv6l-linux", "armv7l-linux", "i686-linux", "powerpc64le-linux", "riscv64-linux", null,
      "x86_64-darwin", "aarch64-darwin", null, "x86_64-freebsd", null);
  static final int LINUX = 0xFF;
  static final int DARWIN = 0x700;
  static final int OTHER = 0x1800;
  private static final int OTHER_LINUX = 1 << 7;
  private static final int OTHER_DARWIN = 1 << 10;
  private static final int OTHER_SYSTEM = 1 << 12;
  /** A system double as nixpkgs names them ({@code lib.platforms.all} has cygwin, solaris, wasi … too). */
  private static final Pattern SYSTEM_DOUBLE = Pattern.compile("[a-z0-9_]+-(linux|darwin|freebsd\\d*|netbsd|openbsd"
      + "|windows|none|cygwin|solaris|wasi|redox|genode|mmixware|ghcjs|uefi)");

  public static final PlatformGuard ALWAYS = new PlatformGuard(LINUX | DARWIN | OTHER);
  public static final PlatformGuard NEVER = new PlatformGuard(0);
  public static final PlatformGuard LINUX_ONLY = new PlatformGuard(LINUX);
  public static final PlatformGuard DARWIN_ONLY = new PlatformGuard(DARWIN);

  public PlatformGuard and(PlatformGuard other) {
    return new PlatformGuard(mask & other.mask);
  }

  public PlatformGuard or(PlatformGuard other) {
    return new PlatformGuard(mask | other.mask);
  }

  public PlatformGuard not() {
    return new PlatformGuard(~mask & ALWAYS.mask);
  }

  public boolean isNever() {
    return mask == 0;
  }

  /** True when the entry can be present on some platform other than Linux. */
  public boolean allowsNonLinux() {
    return (mask & ~LINUX) != 0;
  }

  /** True when this guard holds on every platform of {@code other}. */
  public boolean covers(PlatformGuard other) {
    return (other.mask & ~mask) == 0;
  }

  /**
   * The platform of a system double ({@code x86_64-linux}): its own for a system of {@code flakeExposed}, else
   * the "other" platform of its kernel.
   */
  public static PlatformGuard ofSystem(String system) {
    int own = SYSTEMS.indexOf(system);
    if (own >= 0) {
      return new PlatformGuard(1 << own);
    }
    if (system.endsWith("-linux")) {
      return new PlatformGuard(OTHER_LINUX);
    }
    return new PlatformGuard(system.endsWith("-darwin") ? OTHER_DARWIN : OTHER_SYSTEM);
  }

  /** Whether a name is a system double ({@code x86_64-linux}). */
  public static boolean isSystemDouble(String name) {
    return SYSTEM_DOUBLE.matcher(name).matches();
  }

  /** Whether {@link #ofSystem} gives this system a platform no other system shares. */
  public static boolean hasOwnPlatform(String system) {
    return SYSTEMS.contains(system);
  }

  @Override
  public String toString() {
    if (mask == ALWAYS.mask) {
      return "all platforms";
    }
    List<String> parts = new ArrayList<>();
    describe(LINUX, "linux", OTHER_LINUX, "other linux", parts);
    describe(DARWIN, "darwin", OTHER_DARWIN, "other darwin", parts);
    describe(OTHER, "other", OTHER_SYSTEM, "other", parts);
    return parts.isEmpty() ? "no platform" : String.join("+", parts);
  }

  private void describe(int kernel, String whole, int otherBit, String otherName, List<String> into) {
    if ((mask & kernel) == kernel) {
      into.add(whole);
      return;
    }
    for (int bit = 0; bit < SYSTEMS.size(); bit++) {
      int flag = 1 << bit;
      if ((kernel & flag) != 0 && (mask & flag) != 0) {
        into.add(flag == otherBit ? otherName : SYSTEMS.get(bit));
      }
    }
  }
}
