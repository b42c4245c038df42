package io.github.nixml.doctor;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a needed library as glibc's {@code ld.so} does ({@code elf/dl-load.c}, {@code _dl_map_object}), without
 * loading anything: a name holding a {@code /} is a path; otherwise, in order,
 * <ol>
 *   <li>unless the object has a {@code RUNPATH}: the {@code RPATH} of the object, then of each object that loaded
 *       it, then of the executable (the interpreter);</li>
 *   <li>{@code LD_LIBRARY_PATH};</li>
 *   <li>the object's own {@code RUNPATH} (never its loaders');</li>
 *   <li>the {@code ld.so.cache}, entries of the object's class and machine only;</li>
 *   <li>the default folders: the multiarch ones ({@code /lib/x86_64-linux-gnu}, {@code /usr/lib/…}), {@code /lib64}
 *       and {@code /usr/lib64} for 64-bit objects, {@code /lib}, {@code /usr/lib}.</li>
 * </ol>
 * {@code $ORIGIN} is the folder of the object whose path list it is in; {@code $LIB} is tried as each spelling
 * distributions build glibc with ({@code lib64}, {@code lib/<triplet>}, {@code lib}); {@code $PLATFORM} is the
 * machine's name; an element with another {@code $} token is dropped, as ld.so drops it. A file of another class or
 * machine is skipped, as ld.so skips it. Host files (the cache's paths, the default folders) are read under the
 * host root; the folders of {@code LD_LIBRARY_PATH}, {@code RPATH} and {@code RUNPATH} as they are written.
 */
public final class LibraryResolver {

  /** Where a library was found, and through which step. */
  public record Found(Path path, String via) {}

  private final Path root;
  private final List<String> ldLibraryPath;
  private final Optional<LdSoCache> cache;
  private final Map<Path, ElfRead> reads = new HashMap<>();

  /**
   * @param root the host root the cache's paths and the default folders are read under ({@code /} for the real host)
   * @param ldLibraryPath the environment's {@code LD_LIBRARY_PATH}, split (empty elements dropped)
   * @param cache the host's loader cache; empty where there is none (NixOS)
   */
  public LibraryResolver(Path root, List<String> ldLibraryPath, Optional<LdSoCache> cache) {
    this.root = root;
    this.ldLibraryPath = List.copyOf(ldLibraryPath);
    this.cache = cache;
  }

  /** The ELF reading of a file, read once per run. */
  public ElfRead read(Path file) {
    return reads.computeIfAbsent(file.toAbsolutePath().normalize(), ElfFile::read);
  }

  /**
   * Where the loader finds {@code needed} for {@code object}, loaded by {@code loaders} (nearest first, the
   * interpreter last); empty when no step finds it.
   */
  public Optional<Found> resolve(String needed, ElfFile object, List<ElfFile> loaders) {
    if (needed.contains("/")) {
      Path path = asIs(needed);
      return path != null && accepts(path, object) ? Optional.of(new Found(path, "its path")) : Optional.empty();
    }
    if (object.runpath().isEmpty()) {
      List<ElfFile> chain = new ArrayList<>();
      chain.add(object);
      chain.addAll(loaders);
      for (ElfFile loader : chain) {
        Optional<Found> found = search(needed, object, expand(loader.rpath(), loader), "RPATH of " + loader.path());
        if (found.isPresent()) {
          return found;
        }
      }
    }
    Optional<Found> found = search(needed, object, expand(ldLibraryPath, null), "LD_LIBRARY_PATH");
    if (found.isPresent()) {
      return found;
    }
    found = search(needed, object, expand(object.runpath(), object), "RUNPATH of " + object.path());
    if (found.isPresent()) {
      return found;
    }
    return fromCacheOrDefaults(needed, object.bits(), object.machine(), Optional.of(object));
  }

  /**
   * Where {@code dlopen(name)} called from the interpreter finds a library no object names: {@code LD_LIBRARY_PATH},
   * the cache, the default folders ({@code libcuda.so.1}, which CUDA libraries open at run time).
   */
  public Optional<Found> resolveForInterpreter(String name, int bits, int machine) {
    Optional<Found> found = search(name, null, expand(ldLibraryPath, null), "LD_LIBRARY_PATH");
    return found.isPresent() ? found : fromCacheOrDefaults(name, bits, machine, Optional.empty());
  }

  private Optional<Found> fromCacheOrDefaults(String needed, int bits, int machine, Optional<ElfFile> object) {
    if (cache.isPresent()) {
      for (LdSoCache.Entry entry : cache.get().lookup(needed, bits, machine)) {
        Path path = underRoot(entry.path());
        if (path != null && Files.isRegularFile(path)) {
          return Optional.of(new Found(path, "ld.so.cache"));
        }
      }
    }
    for (String folder : defaultFolders(bits, machine)) {
      Path path = underRoot(folder + "/" + needed);
      if (path != null && (object.isEmpty() ? Files.isRegularFile(path) : accepts(path, object.get()))) {
        return Optional.of(new Found(path, "default folder " + folder));
      }
    }
    return Optional.empty();
  }

  /** The default folders of a glibc for objects of this class and machine, in search order. */
  public static List<String> defaultFolders(int bits, int machine) {
    List<String> folders = new ArrayList<>();
    Optional<String> triplet = triplet(bits, machine);
    triplet.ifPresent(t -> {
      folders.add("/lib/" + t);
      folders.add("/usr/lib/" + t);
    });
    if (bits == 64) {
      folders.add("/lib64");
      folders.add("/usr/lib64");
    }
    folders.add("/lib");
    folders.add("/usr/lib");
    return folders;
  }

  private static Optional<String> triplet(int bits, int machine) {
    return switch (machine) {
      case ElfFile.EM_X86_64 -> Optional.of(bits == 64 ? "x86_64-linux-gnu" : "x86_64-linux-gnux32");
      case ElfFile.EM_AARCH64 -> Optional.of("aarch64-linux-gnu");
      case ElfFile.EM_386 -> Optional.of("i386-linux-gnu");
      case ElfFile.EM_ARM -> Optional.of("arm-linux-gnueabihf");
      default -> Optional.empty();
    };
  }

  private static String platform(int machine) {
    return switch (machine) {
      case ElfFile.EM_X86_64 -> "x86_64";
      case ElfFile.EM_AARCH64 -> "aarch64";
      case ElfFile.EM_386 -> "i686";
      case ElfFile.EM_ARM -> "armv7l";
      default -> "unknown";
    };
  }

  private Optional<Found> search(String needed, ElfFile object, List<String> folders, String via) {
    for (String folder : folders) {
      Path path = asIs(folder.isEmpty() ? needed : folder + "/" + needed);
      if (path != null && (object == null ? Files.isRegularFile(path) : accepts(path, object))) {
        return Optional.of(new Found(path, via));
      }
    }
    return Optional.empty();
  }

  /** A regular file the loader would take for {@code object}: not of another class or machine. */
  private boolean accepts(Path path, ElfFile object) {
    if (!Files.isRegularFile(path)) {
      return false;
    }
    return !(read(path) instanceof ElfFile library)
        || library.bits() == object.bits() && library.machine() == object.machine();
  }

  /**
   * A path list with {@code $ORIGIN}, {@code $LIB} and {@code $PLATFORM} expanded ({@code owner}: whose
   * {@code $ORIGIN}; null for {@code LD_LIBRARY_PATH}, where it is the executable's and the element is dropped).
   */
  List<String> expand(List<String> elements, ElfFile owner) {
    Set<String> folders = new LinkedHashSet<>();
    for (String element : elements) {
      folders.addAll(expandOne(element, owner));
    }
    return new ArrayList<>(folders);
  }

  private List<String> expandOne(String element, ElfFile owner) {
    List<String> results = new ArrayList<>();
    results.add("");
    int i = 0;
    while (i < element.length()) {
      char c = element.charAt(i);
      if (c != '$') {
        int next = element.indexOf('$', i);
        String literal = element.substring(i, next < 0 ? element.length() : next);
        results.replaceAll(prefix -> prefix + literal);
        i = next < 0 ? element.length() : next;
        continue;
      }
      String name;
      int end;
      if (i + 1 < element.length() && element.charAt(i + 1) == '{') {
        int close = element.indexOf('}', i + 2);
        if (close < 0) {
          return List.of();
        }
        name = element.substring(i + 2, close);
        end = close + 1;
      } else {
        end = i + 1;
        while (end < element.length() && (Character.isLetterOrDigit(element.charAt(end)) || element.charAt(end) == '_')) {
          end++;
        }
        name = element.substring(i + 1, end);
      }
      List<String> values = switch (name) {
        case "ORIGIN" -> owner == null ? List.of() : List.of(origin(owner));
        case "LIB" -> owner == null ? List.of() : libSpellings(owner);
        case "PLATFORM" -> owner == null ? List.of() : List.of(platform(owner.machine()));
        default -> List.of();
      };
      if (values.isEmpty()) {
        return List.of();
      }
      List<String> expanded = new ArrayList<>();
      for (String prefix : results) {
        for (String value : values) {
          expanded.add(prefix + value);
        }
      }
      results = expanded;
      i = end;
    }
    return results;
  }

  private static String origin(ElfFile owner) {
    Path parent = owner.path().toAbsolutePath().normalize().getParent();
    return parent == null ? "/" : parent.toString();
  }

  private static List<String> libSpellings(ElfFile owner) {
    List<String> spellings = new ArrayList<>();
    if (owner.bits() == 64) {
      spellings.add("lib64");
    }
    triplet(owner.bits(), owner.machine()).ifPresent(t -> spellings.add("lib/" + t));
    spellings.add("lib");
    return spellings;
  }

  private static Path asIs(String path) {
    try {
      return Path.of(path).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** A host path read under the root. */
  private Path underRoot(String absolute) {
    try {
      String relative = absolute.replaceFirst("^/+", "");
      return root.resolve(relative).normalize();
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
