package io.github.nixml.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's launcher ({@code src/dist/bin/nixml}) on a fresh machine: an installation of the script and a
 * jar (here a probe that prints its arguments and exits with the code it is given, instead of the command line's
 * jar, which is only built after the tests), a home without a cache. It must pass the arguments and the exit code
 * through, create its class-data archive in the cache directory, reuse it, and write nothing where it is run.
 */
class LauncherScriptTest {
  @TempDir
  Path temp;

  /** The launched program: prints its arguments, one a line, and exits with the first one's number. */
  public static final class Probe {
    public static void main(String[] args) {
      for (String arg : args) {
        System.out.println(arg);
      }
      System.exit(Integer.parseInt(args[0]));
    }
  }

  @Test
  void passesArgumentsAndExitCodeAndKeepsItsArchiveInTheCacheOnly() throws Exception {
    Path script = install(temp.resolve("install/nixml-1.0"));
    Path project = Files.createDirectories(temp.resolve("project"));
    Path userHome = Files.createDirectories(temp.resolve("home"));

    Result first = run(script, project, userHome, "0", "validate", "a path with spaces");
    assertThat(first.code).isZero();
    assertThat(first.out).isEqualTo("0\nvalidate\na path with spaces\n");
    Result failing = run(script, project, userHome, "1", "x");
    assertThat(failing.code).isEqualTo(1);
    assertThat(failing.out).isEqualTo("1\nx\n");

    try (Stream<Path> written = Files.list(project)) {
      assertThat(written).as("nothing written where nixml runs").isEmpty();
    }
    Path cache = userHome.resolve(".cache/nixml");
    assertThat(cache).isDirectory();
    try (Stream<Path> archives = Files.walk(cache)) {
      List<Path> files = archives.filter(Files::isRegularFile).toList();
      if (Runtime.version().feature() < 25) { // JDK 25+ makes its AOT cache in the background
        assertThat(files).as("one class-data archive, no temporary files left")
            .singleElement().satisfies(file -> assertThat(file.getFileName().toString()).isEqualTo("nixml.jsa"));
      }
    }
  }

  @Test
  void runsWithoutACacheWhereNoneCanBeMade() throws Exception {
    Path script = install(temp.resolve("nixml"));
    Path blocker = Files.writeString(temp.resolve("not-a-directory"), "");
    Result result = run(script, temp, blocker, "0", "rules");
    assertThat(result.code).isZero();
    assertThat(result.out).isEqualTo("0\nrules\n");
  }

  /** An installation as the archive unpacks: bin/nixml and lib/nixml-cli.jar (the probe); returns the script. */
  private static Path install(Path home) throws IOException {
    Files.createDirectories(home.resolve("bin"));
    Files.createDirectories(home.resolve("lib"));
    Path script = home.resolve("bin/nixml");
    Files.copy(Path.of("src/dist/bin/nixml"), script);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    probeJar(home.resolve("lib/nixml-cli.jar"));
    return script;
  }

  private record Result(int code, String out) {}

  private Result run(Path script, Path directory, Path userHome, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add("sh");
    command.add(script.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    Map<String, String> env = builder.environment();
    env.put("HOME", userHome.toString());
    env.remove("XDG_CACHE_HOME");
    env.remove("NIXML_CACHE_DIR");
    env.remove("NIXML_JAVA_OPTS");
    env.put("JAVA_HOME", System.getProperty("java.home"));
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.waitFor(), out);
  }

  private static void probeJar(Path jar) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Probe.class.getName());
    String entry = Probe.class.getName().replace('.', '/') + ".class";
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.putNextEntry(new JarEntry(entry));
      try (var in = Probe.class.getClassLoader().getResourceAsStream(entry)) {
        in.transferTo(out);
      }
      out.closeEntry();
    }
  }
}
