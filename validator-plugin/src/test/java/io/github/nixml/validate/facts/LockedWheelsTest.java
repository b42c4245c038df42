package io.github.nixml.validate.facts;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.toml.TomlDocument;
import io.github.nixml.validate.SourceFile;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LockedWheelsTest {

  private static LockedWheels read(String text) {
    SourceFile file = SourceFile.of("uv.lock", text);
    return LockedWheels.read(file, Optional.of(TomlDocument.parse(text)));
  }

  private static final String LOCK = """
      version = 1
      requires-python = ">=3.12"

      [[package]]
      name = "torch"
      version = "2.7.1+cu128"
      source = { registry = "https://download.pytorch.org/whl/cu128" }
      wheels = [
          { url = "https://download.pytorch.org/whl/cu128/torch-2.7.1%2Bcu128-cp312-cp312-manylinux_2_28_x86_64.whl", hash = "sha256:00", size = 1 },
          { url = "https://download.pytorch.org/whl/cu128/torch-2.7.1%2Bcu128-cp312-cp312-win_amd64.whl", hash = "sha256:01", size = 1 },
      ]

      [[package]]
      name = "pyobjc-core"
      version = "11.0"
      source = { registry = "https://pypi.org/simple" }
      wheels = [
          { url = "https://files.pythonhosted.org/p/pyobjc_core-11.0-cp312-cp312-macosx_10_13_universal2.whl", hash = "sha256:02", size = 1 },
      ]

      [[package]]
      name = "demo"
      version = "0.1.0"
      source = { editable = "." }
      """;

  @Test
  void readsEachPackageWithItsRegistryWheelsAndPosition() {
    LockedWheels lock = read(LOCK);
    assertThat(lock.packages()).extracting(LockedWheels.LockedPackage::label)
        .containsExactly("torch 2.7.1+cu128", "pyobjc-core 11.0", "demo 0.1.0");
    LockedWheels.LockedPackage torch = lock.packages().get(0);
    assertThat(torch.registry()).contains("https://download.pytorch.org/whl/cu128");
    assertThat(torch.location()).hasToString("uv.lock:4:1");
    assertThat(torch.wheels()).extracting(WheelFile::fileName).containsExactly(
        "torch-2.7.1+cu128-cp312-cp312-manylinux_2_28_x86_64.whl", "torch-2.7.1+cu128-cp312-cp312-win_amd64.whl");
    assertThat(torch.wheels().get(0).tags())
        .containsExactly(new WheelFile.Tag("cp312", "cp312", "manylinux_2_28_x86_64"));
    assertThat(lock.packages().get(2).registry()).isEmpty();
    assertThat(lock.hasAlternatives()).isFalse();
  }

  @Test
  void onlyPackagesWithLinuxWheelsOrNoWheelsCountForLinux() {
    assertThat(read(LOCK).forLinux()).extracting(LockedWheels.LockedPackage::name)
        .containsExactly("torch", "demo");
  }

  @Test
  void conflictsForksAndRepeatedNamesAreAlternatives() {
    assertThat(read(LOCK + "\nconflicts = [[{ package = \"demo\", extra = \"cu126\" },"
        + " { package = \"demo\", extra = \"cu130\" }]]\n").hasAlternatives()).isFalse(); // after a table: not top-level
    assertThat(read("conflicts = [[{ package = \"demo\", extra = \"a\" }, { package = \"demo\", extra = \"b\" }]]\n"
        + LOCK).hasAlternatives()).isTrue();
    assertThat(read("resolution-markers = [\"sys_platform == 'linux'\"]\n" + LOCK).hasAlternatives()).isTrue();
    assertThat(read(LOCK + "\n[[package]]\nname = \"torch\"\nversion = \"2.7.1\"\n").hasAlternatives()).isTrue();
  }

  @Test
  void packagesOnlyTheProjectsExtrasBringAreLeftOutWithoutExtras() {
    LockedWheels lock = read("""
        version = 1
        requires-python = ">=3.12"

        [[package]]
        name = "demo"
        version = "0.1.0"
        source = { editable = "." }
        dependencies = [{ name = "numpy" }, { name = "httpx" }]

        [package.optional-dependencies]
        cuda = [{ name = "cupy-cuda12x" }]

        [package.dev-dependencies]
        dev = [{ name = "pytest" }]

        [[package]]
        name = "numpy"
        version = "2.1.0"
        source = { registry = "https://pypi.org/simple" }

        [[package]]
        name = "httpx"
        version = "0.28.0"
        source = { registry = "https://pypi.org/simple" }

        [package.optional-dependencies]
        http2 = [{ name = "h2" }]

        [[package]]
        name = "h2"
        version = "4.1.0"
        source = { registry = "https://pypi.org/simple" }

        [[package]]
        name = "pytest"
        version = "8.0.0"
        source = { registry = "https://pypi.org/simple" }

        [[package]]
        name = "cupy-cuda12x"
        version = "13.3.0"
        source = { registry = "https://pypi.org/simple" }
        """);
    assertThat(lock.onlyInExtras()).containsExactly("cupy-cuda12x");
    assertThat(lock.withoutExtras().packages()).extracting(LockedWheels.LockedPackage::name)
        .containsExactly("demo", "numpy", "httpx", "h2", "pytest");
    // a lock without a project of its own says nothing about extras
    assertThat(read("""
        version = 1
        [[package]]
        name = "cupy-cuda12x"
        version = "13.3.0"
        source = { registry = "https://pypi.org/simple" }
        """).onlyInExtras()).isEmpty();
  }

  @Test
  void missingOrInvalidLockHasNoPackages() {
    assertThat(LockedWheels.read(SourceFile.missing("uv.lock"), Optional.empty())).isEqualTo(LockedWheels.NONE);
    assertThat(read("[[package]\nname = 1")).isEqualTo(LockedWheels.NONE);
  }
}
