package io.github.nixml.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.testing.Oracle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LdSoCacheTest {
  private static final Pattern LINE = Pattern.compile("\\t(\\S+) \\(([^)]*)\\) => (.*)");

  @TempDir
  Path dir;

  @Test
  void theRecordedH200CacheListsWhatLdconfigPrintedForIt() throws IOException {
    LdSoCache cache = LdSoCache.parse(resource("h200-ld.so.cache")).orElseThrow();
    List<String> expected = ldconfigLines(new String(resource("h200-ldconfig-p.txt"), StandardCharsets.UTF_8));
    assertThat(expected).hasSize(520);
    assertThat(lines(cache)).containsExactlyElementsOf(expected);
    assertThat(cache.lookup("libcuda.so.1", 64, ElfFile.EM_X86_64)).extracting(LdSoCache.Entry::path)
        .containsExactly("/usr/local/nvidia/lib64/libcuda.so.1", "/lib/libcuda.so.1");
    assertThat(cache.lookup("libcuda.so.1", 64, ElfFile.EM_AARCH64)).isEmpty();
  }

  @Test
  void theOldFormatWithTheNewEmbeddedIsRead() throws IOException {
    byte[] modern = resource("h200-ld.so.cache");
    int oldEntries = 2;
    byte[] old = new byte[16 + oldEntries * 12 + modern.length];
    byte[] magic = "ld.so-1.7.0".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(magic, 0, old, 0, magic.length);
    old[12] = (byte) oldEntries;
    System.arraycopy(modern, 0, old, 16 + oldEntries * 12, modern.length);
    assertThat(LdSoCache.parse(old).orElseThrow().entries()).hasSize(520);
    assertThat(LdSoCache.parse("not a cache".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(LdSoCache.parse(java.util.Arrays.copyOf(modern, 100))).isEmpty();
  }

  @Test
  void thisMachinesCacheAgreesWithLdconfig() throws Exception {
    Oracle.LDCONFIG.assumeAvailable();
    Path system = Path.of("/etc/ld.so.cache");
    Process process = new ProcessBuilder("ldconfig", "-p").redirectErrorStream(true).start();
    String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    LdSoCache.Read read = LdSoCache.read(system);
    assertThat(read).isInstanceOf(LdSoCache.Parsed.class);
    List<String> expected = ldconfigLines(printed);
    assertThat(expected).isNotEmpty();
    assertThat(lines(((LdSoCache.Parsed) read).cache())).containsExactlyElementsOf(expected);
  }

  @Test
  void aMissingCacheIsAbsent() {
    assertThat(LdSoCache.read(dir.resolve("ld.so.cache"))).isInstanceOf(LdSoCache.Absent.class);
  }

  /** {@code soname (flags) => path}; the flags without hwcap or OS ABI, which we do not print. */
  private static List<String> ldconfigLines(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher m = LINE.matcher(line);
      if (m.matches()) {
        lines.add(m.group(1) + " (" + m.group(2).replaceFirst(", (hwcap|OS ABI):.*", "") + ") => " + m.group(3));
      }
    }
    return lines;
  }

  private static List<String> lines(LdSoCache cache) {
    return cache.entries().stream().map(e -> e.soname() + " (" + e.flagsText() + ") => " + e.path()).toList();
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = LdSoCacheTest.class.getResourceAsStream("/doctor/" + name)) {
      return in.readAllBytes();
    }
  }
}
