package io.github.nixml.doctor;

import io.github.nixml.validate.RuleDescriptor;
import io.github.nixml.validate.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks of {@code nixml doctor}, each with a stable id, a default severity and its section in
 * docs/rules.md ("Doctor checks"), so that reports and {@code nixml explain} treat them as rules.
 */
public enum DoctorCheck {
  LIBRARY_MISSING("doctor-library-missing", Severity.ERROR,
      "A shared library an installed wheel needs is found by none of the loader's search steps"),
  ELF_UNREADABLE("doctor-elf-unreadable", Severity.WARNING,
      "An ELF file an installed wheel lists cannot be read: truncated or malformed"),
  DRIVER_TOO_OLD("doctor-driver-too-old", Severity.ERROR,
      "The NVIDIA driver is older than the CUDA major of the installed wheels requires"),
  LIBCUDA_UNREACHABLE("doctor-libcuda-unreachable", Severity.ERROR,
      "CUDA wheels are installed, a driver is loaded, and libcuda.so.1 is on no search path"),
  PYTHON_VERSION_MISMATCH("doctor-python-version-mismatch", Severity.ERROR,
      "The venv's Python is not the version .python-version asks for"),
  VENV_HOME_MISSING("doctor-venv-home-missing", Severity.ERROR,
      "pyvenv.cfg's home, the interpreter the venv was made from, no longer exists"),
  PYTHON_NOT_VENV("doctor-python-not-venv", Severity.WARNING,
      "The python first on PATH is not the venv's"),
  VENV_MISSING("doctor-venv-missing", Severity.WARNING,
      "No venv to examine: VIRTUAL_ENV is unset and the project has no .venv");

  private final RuleDescriptor descriptor;

  DoctorCheck(String id, Severity severity, String description) {
    this.descriptor = RuleDescriptor.of(id, severity, description);
  }

  public RuleDescriptor descriptor() {
    return descriptor;
  }

  public String id() {
    return descriptor.id();
  }

  /** Every check's descriptor, sorted by id (the order reports list rules in). */
  public static List<RuleDescriptor> descriptors() {
    List<RuleDescriptor> all = new ArrayList<>();
    for (DoctorCheck check : values()) {
      all.add(check.descriptor);
    }
    all.sort(java.util.Comparator.comparing(RuleDescriptor::id));
    return all;
  }

  public static Optional<DoctorCheck> byId(String id) {
    for (DoctorCheck check : values()) {
      if (check.id().equals(id)) {
        return Optional.of(check);
      }
    }
    return Optional.empty();
  }
}
