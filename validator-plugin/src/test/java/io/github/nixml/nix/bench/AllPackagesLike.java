package io.github.nixml.nix.bench;

import java.util.Random;

/**
 * Generates a Nix file shaped like nixpkgs' {@code pkgs/top-level/all-packages.nix}: a function
 * returning, under {@code with pkgs;}, one large attribute set of {@code callPackage} applications,
 * {@code inherit}s, overrides, lists, strings, conditionals and comments. Deterministic for a seed.
 */
public final class AllPackagesLike {
  private static final String[] CATEGORIES = {"development/libraries", "development/tools",
      "development/python-modules", "applications/misc", "tools/networking", "servers/http",
      "os-specific/linux", "data/fonts", "games", "tools/security"};
  private static final String[] WORDS = {"lib", "foo", "bar", "qt", "gtk", "ssl", "cuda", "py", "net",
      "zip", "fast", "tool", "kit", "view", "http", "fs", "db", "json", "xml", "img"};
  private static final String[] DEPENDENCIES = {"openssl", "zlib", "curl", "python3", "perl", "libxml2",
      "sqlite", "boost", "glib", "gtk3", "qt6", "ncurses", "readline", "libffi", "cudaPackages.cudatoolkit"};

  private final Random random;
  private final StringBuilder out = new StringBuilder();
  private int serial;

  private AllPackagesLike(long seed) {
    this.random = new Random(seed);
  }

  /** A file of about {@code targetChars} characters (ASCII, so as many bytes). */
  public static String generate(long seed, int targetChars) {
    return new AllPackagesLike(seed).build(targetChars);
  }

  private String build(int targetChars) {
    out.append("/* pkgs/top-level/all-packages.nix, generated for the nixml parser benchmark.\n")
        .append("   The package collection: names of packages mapped to their derivations. */\n")
        .append("{ lib, noSysDirs, config, overlays, ... }:\n")
        .append("res: pkgs: super:\n\n")
        .append("with pkgs;\n\n")
        .append("{\n")
        .append("  # A stdenv capable of building 32-bit binaries.\n")
        .append("  stdenv_32bit = lowPrio (if stdenv.hostPlatform.is32bit then stdenv else multiStdenv);\n\n")
        .append("  inherit (lib) fix extends lowPrio hiPrio;\n\n");
    while (out.length() < targetChars - 200) {
      if (serial % 40 == 0) {
        out.append("\n  ### ").append(word().toUpperCase()).append(" ").append(word().toUpperCase()).append("\n\n");
      }
      entry();
      serial++;
    }
    out.append("}\n");
    return out.toString();
  }

  private void entry() {
    String name = name();
    int kind = random.nextInt(100);
    if (kind < 45) {
      out.append("  ").append(name).append(" = callPackage ../").append(path(name)).append(" { };\n");
    } else if (kind < 60) {
      out.append("  ").append(name).append(" = callPackage ../").append(path(name)).append(" {\n")
          .append("    inherit (darwin.apple_sdk.frameworks) Security CoreFoundation;\n")
          .append("    ").append(word()).append(" = ").append(dependency()).append(";\n")
          .append("    withGui = ").append(random.nextBoolean()).append(";\n")
          .append("  };\n");
    } else if (kind < 66) {
      out.append("  inherit (callPackages ../").append(path(name)).append(" { })\n    ")
          .append(name).append("_tools ").append(name).append("_utils ").append(name).append("_doc;\n");
    } else if (kind < 72) {
      out.append("  ").append(name).append(" = if stdenv.isDarwin\n    then callPackage ../")
          .append(path(name)).append("/darwin.nix { }\n    else callPackage ../").append(path(name))
          .append(" { inherit (linuxPackages) kernel; };\n");
    } else if (kind < 80) {
      out.append("  ").append(name).append(" = ").append(dependency()).append(".override {\n")
          .append("    enable").append(capitalized(word())).append(" = true;\n")
          .append("    extraFlags = [ \"--enable-").append(word()).append("\" \"--with-")
          .append(word()).append("=${lib.getDev ").append(dependency()).append("}\" ];\n  };\n");
    } else if (kind < 85) {
      out.append("  ").append(name).append(" = python3Packages.callPackage ../").append(path(name))
          .append(" { };\n");
    } else if (kind < 89) {
      out.append("  ").append(name).append(" = throw \"'").append(name).append("' has been renamed to '")
          .append(name).append("-ng'\"; # Added 2024-0").append(1 + random.nextInt(9)).append("-1")
          .append(random.nextInt(10)).append("\n");
    } else if (kind < 93) {
      out.append("  ").append(name).append(" = let\n    version = \"").append(random.nextInt(10)).append('.')
          .append(random.nextInt(30)).append('.').append(random.nextInt(10)).append("\";\n  in callPackage ../")
          .append(path(name)).append(" { inherit version; buildInputs = [ ").append(dependency()).append(' ')
          .append(dependency()).append(" ]; };\n");
    } else if (kind < 97) {
      out.append("  ").append(name).append(" = ").append(dependency()).append(".overrideAttrs (old: {\n")
          .append("    pname = \"${old.pname}-full\";\n")
          .append("    postInstall = (old.postInstall or \"\") + ''\n")
          .append("      wrapProgram $out/bin/").append(name).append(" --prefix PATH : ${lib.makeBinPath [ ")
          .append(dependency()).append(" ]}\n    '';\n")
          .append("    meta = old.meta // { description = \"").append(word()).append(' ').append(word())
          .append(" with extras\"; };\n  });\n");
    } else {
      out.append("  ").append(name).append("Packages = recurseIntoAttrs (lib.makeScope newScope (self: {\n")
          .append("    ").append(word()).append(" = self.callPackage ../").append(path(name)).append(" { };\n")
          .append("  }));\n");
    }
  }

  private String name() {
    return word() + (random.nextBoolean() ? "-" : "") + word() + "_" + serial;
  }

  private String path(String name) {
    return CATEGORIES[random.nextInt(CATEGORIES.length)] + "/" + name;
  }

  private String word() {
    return WORDS[random.nextInt(WORDS.length)];
  }

  private String dependency() {
    return DEPENDENCIES[random.nextInt(DEPENDENCIES.length)];
  }

  private static String capitalized(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
