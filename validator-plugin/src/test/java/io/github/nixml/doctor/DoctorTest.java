package io.github.nixml.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.cli.NixmlCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "Done when" cases, through the command line with a fake host root and a chosen environment. */
class DoctorTest {
  @TempDir
  Path dir;

  private Path project;
  private Path root;
  private Path venv;
  private Path site;
  private final Map<String, String> env = new HashMap<>();
  private String out;

  @BeforeEach
  void venv() throws IOException {
    project = Files.createDirectories(dir.resolve("project"));
    root = Files.createDirectories(dir.resolve("root"));
    Files.createDirectories(root.resolve("usr/bin"));
    venv = project.resolve(".venv");
    site = Files.createDirectories(venv.resolve("lib/python3.12/site-packages"));
    Files.writeString(venv.resolve("pyvenv.cfg"), "home = /usr/bin\nimplementation = CPython\nversion_info = 3.12.3\n");
    env.put("VIRTUAL_ENV", venv.toString());
    env.put("PATH", "");
  }

  @Test
  void aLibraryOnlyInAFolderOffTheSearchPathIsNamedAndTheCacheOnesNever() throws Exception {
    Path hidden = dir.resolve("hidden");
    Gcc.sharedObject(hidden.resolve("libhidden.so"), "int hidden(void){return 1;}", "-Wl,-soname,libhidden.so.1");
    Files.copy(hidden.resolve("libhidden.so"), hidden.resolve("libhidden.so.1"));
    Path zlib = Gcc.sharedObject(dir.resolve("z/libz.so"), "int zf(void){return 1;}", "-Wl,-soname,libz.so.1");
    Gcc.sharedObject(site.resolve("pkg/_ext.so"), "int hidden(void); int zf(void); int e(void){return hidden()+zf();}",
        "-L" + hidden, "-lhidden", "-L" + zlib.getParent(), "-lz");
    wheel("pkg-1.0", "pkg/_ext.so,sha256=x,1\npkg/__init__.py,,\npkg-1.0.dist-info/RECORD,,\n");
    Files.writeString(site.resolve("pkg/__init__.py"), "");
    // The recorded H200 cache names /lib/x86_64-linux-gnu/libz.so.1: that file exists under the root.
    Files.createDirectories(root.resolve("etc"));
    Files.write(root.resolve("etc/ld.so.cache"), LdSoCacheTest.resource("h200-ld.so.cache"));
    Files.createDirectories(root.resolve("lib/x86_64-linux-gnu"));
    Files.copy(zlib, root.resolve("lib/x86_64-linux-gnu/libz.so.1"));

    assertThat(doctor()).as(out).isEqualTo(1);
    assertThat(out).contains(".venv/lib/python3.12/site-packages/pkg/_ext.so: error: [doctor-library-missing]"
        + " libhidden.so.1 is needed by pkg 1.0 and nothing provides it");
    assertThat(out).doesNotContain("libz.so.1").doesNotContain("libc.so.6");

    env.put("LD_LIBRARY_PATH", "/nowhere::" + hidden);
    assertThat(doctor()).as(out).isZero();
    assertThat(out).doesNotContain("[doctor-");
  }

  @Test
  void rpathAndOriginReachASiblingWheelsLibrary() throws Exception {
    Path lib = Gcc.sharedObject(site.resolve("nvidia/fake/lib/libfake.so.9"), "int fk(void){return 1;}",
        "-Wl,-soname,libfake.so.9");
    Gcc.sharedObject(site.resolve("torchy/lib/libt.so"), "int fk(void); int t(void){return fk();}",
        "-L" + lib.getParent(), "-l:libfake.so.9", "-Wl,--disable-new-dtags,-rpath,$ORIGIN/../../nvidia/fake/lib");
    wheel("torchy-1.0", "torchy/lib/libt.so,,\n");
    wheel("nvidia_fake-9.0", "nvidia/fake/lib/libfake.so.9,,\n");
    assertThat(doctor()).as(out).isZero();
    // Without the RPATH the same layout fails: the check is not silent by accident.
    Gcc.sharedObject(site.resolve("torchy/lib/libt.so"), "int fk(void); int t(void){return fk();}",
        "-L" + lib.getParent(), "-l:libfake.so.9");
    assertThat(doctor()).as(out).isEqualTo(1);
    assertThat(out).contains("[doctor-library-missing] libfake.so.9 is needed by torchy 1.0");
  }

  @Test
  void aPythonVersionPinTheVenvDoesNotRunIsReported() throws Exception {
    Files.writeString(project.resolve(".python-version"), "3.11\n");
    assertThat(doctor()).as(out).isEqualTo(1);
    assertThat(out).contains(".python-version:1:1: error: [doctor-python-version-mismatch] .python-version asks for"
        + " 3.11, but the venv .venv runs Python 3.12.3");
    Files.writeString(project.resolve(".python-version"), "3.12\n");
    assertThat(doctor()).as(out).isZero();
  }

  @Test
  void aDriverOlderThanTheWheelsCudaIsReportedAndTheRecordedHostsIsNot() throws Exception {
    wheel("nvidia_cublas-13.1.0.3", "");
    Files.createDirectories(root.resolve("proc/driver/nvidia"));
    Files.createDirectories(root.resolve("usr/lib/x86_64-linux-gnu"));
    Files.writeString(root.resolve("usr/lib/x86_64-linux-gnu/libcuda.so.1"), "");
    Files.writeString(root.resolve("proc/driver/nvidia/version"), "NVRM version: NVIDIA UNIX x86_64 Kernel Module"
        + "  535.104.05  Sat Aug 19 01:15:15 UTC 2023\nGCC version:  gcc version 12.2.0\n");
    assertThat(doctor()).as(out).isEqualTo(1);
    assertThat(out).contains("error: [doctor-driver-too-old] NVIDIA driver 535.104.05 (/proc/driver/nvidia/version)"
        + " is older than 580, the oldest that runs CUDA 13");

    Files.write(root.resolve("proc/driver/nvidia/version"), LdSoCacheTest.resource("h200-driver580-version.txt"));
    assertThat(doctor()).as(out).isZero();
    assertThat(out).doesNotContain("[doctor-");

    // The driver is loaded but libcuda.so.1 is on no search path (NixOS without /run/opengl-driver/lib).
    Files.delete(root.resolve("usr/lib/x86_64-linux-gnu/libcuda.so.1"));
    Files.createDirectories(root.resolve("run/opengl-driver/lib"));
    Files.writeString(root.resolve("run/opengl-driver/lib/libcuda.so.1"), "");
    assertThat(doctor()).as(out).isEqualTo(1);
    assertThat(out).contains("[doctor-libcuda-unreachable] libcuda.so.1 is not reachable")
        .contains("(it is in /run/opengl-driver/lib)");
    env.put("LD_LIBRARY_PATH", root.resolve("run/opengl-driver/lib").toString());
    assertThat(doctor()).as(out).isZero();
  }

  @Test
  void aHomeThatIsGoneAndAForeignPythonOnPathAreReported() throws Exception {
    Files.writeString(venv.resolve("pyvenv.cfg"), "home = /nix/store/gone-python3/bin\nversion_info = 3.12.3\n");
    Path other = Files.createDirectories(dir.resolve("other-bin"));
    Path python = Files.writeString(other.resolve("python"), "#!/bin/sh\n");
    python.toFile().setExecutable(true);
    env.put("PATH", other.toString());
    assertThat(doctor()).as(out).isEqualTo(1);
    assertThat(out).contains(".venv/pyvenv.cfg:1:1: error: [doctor-venv-home-missing]")
        .contains("warning: [doctor-python-not-venv] the python first on PATH is " + python);
  }

  @Test
  void withoutAVenvDoctorSaysSoAndWritesReportsOnlyWhereAsked() throws Exception {
    env.remove("VIRTUAL_ENV");
    Files.delete(venv.resolve("pyvenv.cfg"));
    Path reports = dir.resolve("reports");
    assertThat(doctor("--format", "text,sarif,json", "--output", reports.toString())).as(out).isZero();
    assertThat(out).contains("warning: [doctor-venv-missing]");
    assertThat(reports.resolve("nixml.sarif")).content(StandardCharsets.UTF_8).contains("doctor-venv-missing");
    assertThat(doctor("--format", "sarif")).isEqualTo(2);
    assertThat(doctor("--root", dir.resolve("no-such-root").toString())).isEqualTo(2);
  }

  private void wheel(String nameVersion, String record) throws IOException {
    Path distInfo = Files.createDirectories(site.resolve(nameVersion + ".dist-info"));
    Files.writeString(distInfo.resolve("RECORD"), record);
  }

  private int doctor(String... options) {
    StringWriter text = new StringWriter();
    String[] args = new String[options.length + 4];
    args[0] = "doctor";
    System.arraycopy(options, 0, args, 1, options.length);
    args[options.length + 1] = "--root";
    args[options.length + 2] = root.toString();
    args[options.length + 3] = project.toString();
    if (String.join(" ", options).contains("--root")) {
      args = java.util.Arrays.copyOf(args, options.length + 1);
      args = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(project.toString()))
          .toArray(String[]::new);
    }
    PrintWriter writer = new PrintWriter(text);
    int code = NixmlCli.run(writer, writer, env, args);
    writer.flush();
    out = text.toString();
    return code;
  }
}
