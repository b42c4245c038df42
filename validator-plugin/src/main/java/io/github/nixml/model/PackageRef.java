package io.github.nixml.model;

import io.github.nixml.nix.eval.PlatformGuard;
import io.github.nixml.nix.syntax.SourceSpan;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A package a dev shell brings: its attribute path in nixpkgs ({@code python311Packages.venvShellHook}), the
 * nixpkgs instance it comes from (null when the model cannot tell), the platforms it is present on, and where its
 * attribute path is written. A {@code pythonModule} is a module of a {@code python.withPackages} environment the
 * shell brings ({@code ps.torch}), kept apart from the shell's own list ({@link PackageList#pythonModules()}). A
 * {@code propagated} one is brought by a package the project builds, not listed by the shell itself (the interpreter
 * nixpkgs propagates from every Python package and application it builds).
 */
public record PackageRef(List<String> attrPath, NixpkgsInstance source, PlatformGuard guard, SourceSpan location,
    boolean pythonModule, boolean propagated) {
  private static final Pattern PYTHON = Pattern.compile("python(\\d)(\\d+)(Full|Minimal|Packages|_freethreading)?");

  public PackageRef {
    attrPath = List.copyOf(attrPath);
  }

  public PackageRef(List<String> attrPath, NixpkgsInstance source, PlatformGuard guard, SourceSpan location) {
    this(attrPath, source, guard, location, false);
  }

  public PackageRef(List<String> attrPath, NixpkgsInstance source, PlatformGuard guard, SourceSpan location,
      boolean pythonModule) {
    this(attrPath, source, guard, location, pythonModule, false);
  }

  /** The same package, brought by a package the project builds. */
  public PackageRef asPropagated() {
    return new PackageRef(attrPath, source, guard, location, pythonModule, true);
  }

  /** The same package, from its instance as a shell built for {@code platforms} sees it ({@link NixpkgsInstance#on}). */
  public PackageRef on(PlatformGuard platforms) {
    NixpkgsInstance seen = source == null ? null : source.on(platforms);
    return seen == source ? this : new PackageRef(attrPath, seen, guard, location, pythonModule, propagated);
  }

  /** The same package, named at {@code where}. */
  public PackageRef at(SourceSpan where) {
    return new PackageRef(attrPath, source, guard, where, pythonModule, propagated);
  }

  public String name() {
    return String.join(".", attrPath);
  }

  public String last() {
    return attrPath.get(attrPath.size() - 1);
  }

  /** True for CUDA packages: the toolkit, cuDNN, NCCL, any {@code cudaPackages*} member, {@code *WithCuda}. */
  public boolean isCuda() {
    if (attrPath.contains("backendStdenv")) {
      return false; // the C/C++ toolchain nvcc accepts (and its `cc`): no CUDA library, free, on every platform
    }
    for (String part : attrPath) {
      if (part.startsWith("cudaPackages") || part.startsWith("cudatoolkit") || part.startsWith("cudnn")
          || part.equals("nccl") || part.equals("cutensor") || part.endsWith("WithCuda")) {
        return true;
      }
    }
    return false;
  }

  /** True for what puts the CUDA runtime libraries on a library path: the toolkit or {@code cuda_cudart}. */
  public boolean isCudaRuntime() {
    return attrPath.stream().anyMatch(p -> p.startsWith("cudatoolkit") || p.equals("cuda_cudart"));
  }

  /**
   * The Python interpreter this package is or belongs to: {@code python312} and {@code python312Packages.x} give
   * {@code 3.12}; {@code python3} (whatever nixpkgs makes it) gives nothing.
   */
  public Optional<PythonInterpreter> pythonInterpreter() {
    Matcher matcher = PYTHON.matcher(attrPath.get(0));
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String attribute = "python" + matcher.group(1) + matcher.group(2);
    return Optional.of(new PythonInterpreter(matcher.group(1) + "." + matcher.group(2), attribute, this));
  }
}
