package io.github.nixml.doctor;

import io.github.nixml.validate.Finding;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.SourceFile;
import io.github.nixml.validate.ValidationResult;
import io.github.nixml.validate.facts.CudaWheelMajor;
import io.github.nixml.validate.facts.LibraryProviders;
import io.github.nixml.validate.python.Pep440Version;
import io.github.nixml.validate.python.PythonRequest;
import io.github.nixml.validate.python.PythonVersionFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code nixml doctor}: the environment a project's dev shell made, read as the loader and Python would read it,
 * without running anything. It reads the environment variables given ({@code VIRTUAL_ENV}, {@code PATH},
 * {@code LD_LIBRARY_PATH}), the project, the venv, and host files under the host root
 * ({@code /proc/driver/nvidia/version}, {@code /etc/ld.so.cache}, the default library folders,
 * {@code /run/opengl-driver/lib}). Its findings are validator findings, so reports, gate and exit codes are the
 * validator's.
 */
public final class Doctor {

  /** What to examine: the project folder, the host root, the environment. */
  public record Request(Path project, Path root, Map<String, String> environment) {
    public Request {
      project = project.toAbsolutePath().normalize();
      root = root.toAbsolutePath().normalize();
      environment = Map.copyOf(environment);
    }
  }

  /**
   * The libraries of glibc: they ship with the libc the interpreter loads and lie in its loader's own default
   * folder (on NixOS, glibc's store path, which is no folder of the host), so they are always found.
   */
  static final Set<String> GLIBC = Set.of("libc.so.6", "libm.so.6", "libpthread.so.0", "libdl.so.2", "librt.so.1",
      "libutil.so.1", "libresolv.so.2", "libanl.so.1", "libmvec.so.1", "libnsl.so.1", "libBrokenLocale.so.1",
      "libthread_db.so.1", "libc_malloc_debug.so.0", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1",
      "ld-linux.so.2", "ld-linux-armhf.so.3");

  static final String LIBCUDA = "libcuda.so.1";
  static final String DRIVER_VERSION_FILE = "/proc/driver/nvidia/version";
  static final String OPENGL_DRIVER_LIB = "/run/opengl-driver/lib";
  /** Objects examined at most per run: far more than a venv with torch and its CUDA wheels holds (about 600). */
  private static final int MAX_OBJECTS = 100_000;
  private static final long MAX_TEXT_BYTES = 1L << 20;

  private final Request request;
  private final LibraryProviders providers;
  private final List<Finding> findings = new ArrayList<>();
  private final List<String> notices = new ArrayList<>();

  private Doctor(Request request, LibraryProviders providers) {
    this.request = request;
    this.providers = providers;
  }

  /** Examines the environment; never throws for what it reads: problems are findings or notices. */
  public static ValidationResult examine(Request request) {
    return new Doctor(request, LibraryProviders.bundled()).run();
  }

  private ValidationResult run() {
    Optional<Path> located = Venv.locate(request.environment(), request.project());
    if (located.isEmpty()) {
      report(DoctorCheck.VENV_MISSING, Location.wholeFile(".venv"),
          "no venv to examine: VIRTUAL_ENV is unset" + (request.environment().containsKey("VIRTUAL_ENV")
              ? " or names no folder with a pyvenv.cfg" : "") + " and " + display(request.project().resolve(".venv"))
              + " holds no pyvenv.cfg; run doctor inside the project's dev shell, after the venv is made");
    } else {
      Venv venv = Venv.read(located.get());
      checkInterpreter(venv);
      checkLibrariesAndDriver(venv);
    }
    findings.sort(Finding.ORDER);
    return new ValidationResult(request.project(), List.of(""), DoctorCheck.descriptors(), findings, 0, notices);
  }

  // ---- interpreter and venv

  private void checkInterpreter(Venv venv) {
    Optional<Venv.Setting> version = venv.pythonVersion();
    Path pin = request.project().resolve(".python-version");
    if (version.isPresent() && Files.isRegularFile(pin)) {
      PythonVersionFile file = PythonVersionFile.parse(SourceFile.read(pin, ".python-version", MAX_TEXT_BYTES));
      Optional<PythonVersionFile.Entry> first = file.first();
      Optional<PythonRequest> asked = first.flatMap(PythonVersionFile.Entry::request);
      Optional<Pep440Version> actual = Pep440Version.parse(version.get().value());
      if (asked.isPresent() && asked.get().hasVersion() && actual.isPresent() && !asked.get().admits(actual.get())) {
        report(DoctorCheck.PYTHON_VERSION_MISMATCH, first.get().location(),
            ".python-version asks for " + first.get().text() + ", but the venv " + display(venv.directory())
                + " runs Python " + version.get().value() + " (" + display(venv.config()) + " line "
                + version.get().line() + "): recreate the venv with the pinned interpreter (uv sync, or delete "
                + display(venv.directory()) + " and re-enter the dev shell)");
      }
    }
    Optional<Venv.Setting> home = venv.home();
    if (home.isPresent() && !home.get().value().isEmpty()) {
      Path folder = underRoot(home.get().value());
      if (folder != null && !Files.isDirectory(folder)) {
        report(DoctorCheck.VENV_HOME_MISSING, Location.of(display(venv.config()), home.get().line(), 1),
            "the venv's home " + home.get().value() + " (the interpreter it was made from) no longer exists;"
                + " its python no longer starts (after a nix-collect-garbage or a nixpkgs update): recreate the venv");
      }
    }
    Optional<Path> first = firstOnPath("python");
    Path venvBin = venv.directory().resolve("bin").normalize();
    if (first.isPresent() && !first.get().getParent().equals(venvBin)) {
      report(DoctorCheck.PYTHON_NOT_VENV, Location.wholeFile(display(venv.python())),
          "the python first on PATH is " + first.get() + ", not the venv's " + display(venv.python())
              + ": packages installed in the venv are not what that python imports; activate the venv (the dev"
              + " shell's venvShellHook, or source " + display(venvBin.resolve("activate")) + ")");
    }
  }

  private Optional<Path> firstOnPath(String name) {
    String path = request.environment().getOrDefault("PATH", "");
    for (String folder : path.split(":")) {
      if (folder.isEmpty()) {
        continue;
      }
      try {
        Path candidate = Path.of(folder).toAbsolutePath().normalize().resolve(name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      } catch (InvalidPathException e) {
        // not a folder
      }
    }
    return Optional.empty();
  }

  // ---- libraries and the driver

  /** One ELF file to follow: what loaded it (nearest first, the interpreter last) and the wheel it came from. */
  private record Pending(ElfFile object, List<ElfFile> loaders, Venv.Distribution wheel) {}

  private void checkLibrariesAndDriver(Venv venv) {
    LdSoCache.Read cacheRead = LdSoCache.read(underRoot("/etc/ld.so.cache"));
    Optional<LdSoCache> cache = Optional.empty();
    if (cacheRead instanceof LdSoCache.Parsed parsed) {
      cache = Optional.of(parsed.cache());
    } else if (cacheRead instanceof LdSoCache.Unreadable unreadable) {
      notices.add("the loader cache is not readable, searched without it: " + unreadable.reason());
    }
    LibraryResolver resolver = new LibraryResolver(request.root(),
        ElfFile.splitPath(request.environment().getOrDefault("LD_LIBRARY_PATH", "")), cache);

    Set<String> provided = new HashSet<>(GLIBC);
    Optional<ElfFile> interpreter = interpreter(venv, resolver);
    interpreter.ifPresent(python -> provided.addAll(closure(python, resolver)));

    Map<String, Set<String>> neededBy = new TreeMap<>();
    Map<String, Path> firstNeeder = new TreeMap<>();
    boolean needsLibcuda = false;
    Deque<Pending> work = new ArrayDeque<>();
    List<ElfFile> top = interpreter.<List<ElfFile>>map(List::of).orElse(List.of());
    Set<Path> followed = new HashSet<>();
    for (Venv.Distribution wheel : venv.distributions()) {
      Set<String> ships = new HashSet<>();
      List<ElfFile> objects = new ArrayList<>();
      for (Path file : wheel.files()) {
        if (!ElfFile.hasElfMagic(file)) {
          continue;
        }
        ElfRead read = resolver.read(file);
        if (read instanceof ElfFile elf) {
          objects.add(elf);
          ships.add(file.getFileName().toString());
          elf.soname().ifPresent(ships::add);
        } else if (read instanceof ElfRead.Unreadable bad) {
          report(DoctorCheck.ELF_UNREADABLE, Location.wholeFile(display(file)),
              "not readable: " + bad.reason() + " (" + wheel.label() + "); the loader cannot load it either:"
                  + " reinstall the wheel");
        }
      }
      for (ElfFile object : objects) {
        work.add(new Pending(object, top, wheel));
        followed.add(object.path().toAbsolutePath().normalize());
      }
      int steps = 0;
      while (!work.isEmpty() && steps++ < MAX_OBJECTS) {
        Pending next = work.poll();
        for (String needed : next.object().needed()) {
          if (needed.equals(LIBCUDA)) {
            needsLibcuda = true;
            continue;
          }
          if (provided.contains(needed) || ships.contains(needed)) {
            continue;
          }
          Optional<LibraryResolver.Found> found = resolver.resolve(needed, next.object(), next.loaders());
          if (found.isEmpty()) {
            neededBy.computeIfAbsent(needed, k -> new TreeSet<>()).add(wheel.label());
            Path needer = next.object().path();
            firstNeeder.merge(needed, needer, (a, b) -> display(a).compareTo(display(b)) <= 0 ? a : b);
            continue;
          }
          Path path = found.get().path().toAbsolutePath().normalize();
          if (followed.add(path) && resolver.read(path) instanceof ElfFile library) {
            List<ElfFile> loaders = new ArrayList<>();
            loaders.add(next.object());
            loaders.addAll(next.loaders());
            work.add(new Pending(library, loaders, wheel));
          }
        }
      }
      work.clear();
    }
    for (Map.Entry<String, Set<String>> missing : neededBy.entrySet()) {
      reportMissing(missing.getKey(), missing.getValue(), firstNeeder.get(missing.getKey()));
    }
    checkDriver(venv, resolver, provided, interpreter, needsLibcuda);
  }

  /** The venv's interpreter as an ELF file, following its symbolic links; empty when it cannot be read. */
  private Optional<ElfFile> interpreter(Venv venv, LibraryResolver resolver) {
    try {
      Path real = venv.python().toRealPath();
      return resolver.read(real) instanceof ElfFile python ? Optional.of(python) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The names and sonames of every library the interpreter loads at start (its DT_NEEDED closure). */
  private static Set<String> closure(ElfFile python, LibraryResolver resolver) {
    Set<String> names = new HashSet<>();
    Set<Path> seen = new HashSet<>();
    Deque<Pending> work = new ArrayDeque<>();
    work.add(new Pending(python, List.of(), null));
    int steps = 0;
    while (!work.isEmpty() && steps++ < MAX_OBJECTS) {
      Pending next = work.poll();
      for (String needed : next.object().needed()) {
        Optional<LibraryResolver.Found> found = resolver.resolve(needed, next.object(), next.loaders());
        if (found.isEmpty()) {
          continue;
        }
        names.add(needed);
        Path path = found.get().path().toAbsolutePath().normalize();
        if (seen.add(path) && resolver.read(path) instanceof ElfFile library) {
          library.soname().ifPresent(names::add);
          List<ElfFile> loaders = new ArrayList<>();
          loaders.add(next.object());
          loaders.addAll(next.loaders());
          work.add(new Pending(library, loaders, null));
        }
      }
    }
    return names;
  }

  private void reportMissing(String soname, Set<String> wheels, Path needer) {
    Optional<LibraryProviders.Provider> provider = providers.of(soname);
    String fix;
    if (provider.isPresent() && provider.get().driverOnly()) {
      fix = "only the NVIDIA driver provides it: on NixOS put " + OPENGL_DRIVER_LIB + " on LD_LIBRARY_PATH";
    } else if (provider.isPresent()) {
      fix = "nixpkgs package " + provider.get().suggested() + " provides it: add it to the dev shell's"
          + " LD_LIBRARY_PATH (lib.makeLibraryPath [ pkgs." + provider.get().suggested() + " ])";
    } else {
      fix = "no nixpkgs package is known for it: find the one holding it (nix-locate " + soname
          + ") and add it to the dev shell's LD_LIBRARY_PATH";
    }
    report(DoctorCheck.LIBRARY_MISSING, Location.wholeFile(display(needer)),
        soname + " is needed by " + String.join(", ", wheels) + " and nothing provides it: not found through"
            + " RPATH, LD_LIBRARY_PATH, RUNPATH, the ld.so.cache or the default folders; " + fix);
  }

  private void checkDriver(Venv venv, LibraryResolver resolver, Set<String> provided, Optional<ElfFile> interpreter,
      boolean needsLibcuda) {
    TreeMap<Integer, Venv.Distribution> majors = new TreeMap<>();
    for (Venv.Distribution wheel : venv.distributions()) {
      OptionalInt major = CudaWheelMajor.of(wheel.name(), wheel.version());
      if (major.isPresent()) {
        majors.putIfAbsent(major.getAsInt(), wheel);
      }
      if (wheel.name().equals("torch") && venv.sitePackages().isPresent()) {
        readText(venv.sitePackages().get().resolve("torch").resolve("version.py"))
            .map(Venv::torchCudaMajor).filter(OptionalInt::isPresent)
            .ifPresent(m -> majors.putIfAbsent(m.getAsInt(), wheel));
      }
    }
    Optional<NvidiaDriver> driver = readText(underRoot(DRIVER_VERSION_FILE)).flatMap(NvidiaDriver::parse);
    if (driver.isEmpty()) {
      return; // no NVIDIA driver loaded (or not readable): the wheels run on the CPU, nothing to compare
    }
    for (Map.Entry<Integer, Venv.Distribution> major : majors.descendingMap().entrySet()) {
      Optional<String> floor = NvidiaDriver.floor(major.getKey());
      if (floor.isPresent() && driver.get().olderThan(floor.get())) {
        report(DoctorCheck.DRIVER_TOO_OLD, Location.wholeFile(display(major.getValue().distInfo())),
            "NVIDIA driver " + driver.get().version() + " (" + DRIVER_VERSION_FILE + ") is older than "
                + floor.get() + ", the oldest that runs CUDA " + major.getKey() + " (NVIDIA's CUDA Toolkit release"
                + " notes), which " + major.getValue().label() + " is built for: upgrade the driver (NixOS:"
                + " hardware.nvidia.package) or install wheels of an older CUDA major");
        break;
      }
    }
    if ((majors.isEmpty() && !needsLibcuda) || provided.contains(LIBCUDA)) {
      return;
    }
    int bits = interpreter.map(ElfFile::bits).orElse(64);
    int machine = interpreter.map(ElfFile::machine).orElse(ElfFile.EM_X86_64);
    if (resolver.resolveForInterpreter(LIBCUDA, bits, machine).isPresent()) {
      return;
    }
    boolean nixosDriver = Files.isRegularFile(underRoot(OPENGL_DRIVER_LIB + "/" + LIBCUDA));
    Venv.Distribution wheel = majors.isEmpty() ? null : majors.lastEntry().getValue();
    report(DoctorCheck.LIBCUDA_UNREACHABLE,
        Location.wholeFile(wheel == null ? display(venv.directory()) : display(wheel.distInfo())),
        LIBCUDA + " is not reachable: CUDA wheels (" + (wheel == null ? "their libraries need it" : wheel.label())
            + ") load it from the NVIDIA driver " + driver.get().version() + ", and it is on none of LD_LIBRARY_PATH,"
            + " the ld.so.cache, the default folders" + (nixosDriver ? " (it is in " + OPENGL_DRIVER_LIB + ")" : "")
            + "; on NixOS put " + OPENGL_DRIVER_LIB + " on LD_LIBRARY_PATH (in the flake:"
            + " addDriverRunpath.driverLink + \"/lib\")");
  }

  // ---- helpers

  private Optional<String> readText(Path file) {
    if (file == null || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      return Optional.of(new String(in.readNBytes((int) MAX_TEXT_BYTES), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private Path underRoot(String absolute) {
    try {
      return request.root().resolve(absolute.replaceFirst("^/+", "")).normalize();
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** A path as findings show it: relative to the project with {@code /}, or absolute outside it. */
  private String display(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    if (absolute.startsWith(request.project()) && !absolute.equals(request.project())) {
      return request.project().relativize(absolute).toString().replace(absolute.getFileSystem().getSeparator(), "/");
    }
    return absolute.toString();
  }

  private void report(DoctorCheck check, Location location, String message) {
    findings.add(new Finding(check.id(), check.descriptor().defaultSeverity(), message, location));
  }
}
