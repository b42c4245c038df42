package io.github.nixml.nix.eval;

/**
 * The platforms on which an entry is present: {@code lib.optionals stdenv.isLinux […]} puts its items under a
 * Linux-only guard; {@code if stdenv.isDarwin then … else …} splits into Darwin and not-Darwin.
 */
public record PlatformGuard(int mask) {
  static final int LINUX = 1;
  static final int DARWIN = 2;
  static final int OTHER = 4;

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

  /** The platforms a system double ({@code x86_64-linux}) stands for. */
  public static PlatformGuard ofSystem(String system) {
    if (system.endsWith("-linux")) {
      return LINUX_ONLY;
    }
    if (system.endsWith("-darwin")) {
      return DARWIN_ONLY;
    }
    return new PlatformGuard(OTHER);
  }

  @Override
  public String toString() {
    if (mask == ALWAYS.mask) {
      return "all platforms";
    }
    StringBuilder out = new StringBuilder();
    if ((mask & LINUX) != 0) {
      out.append("linux");
    }
    if ((mask & DARWIN) != 0) {
      out.append(out.length() > 0 ? "+" : "").append("darwin");
    }
    if ((mask & OTHER) != 0) {
      out.append(out.length() > 0 ? "+" : "").append("other");
    }
    return out.length() == 0 ? "no platform" : out.toString();
  }
}
