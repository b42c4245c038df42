package io.github.nixml.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ElfFileTest {
  @TempDir
  Path dir;

  @Test
  void readsNeededRpathRunpathAndSonameOfObjectsGccBuilt() throws Exception {
    Path dep = Gcc.sharedObject(dir.resolve("dep/libdep.so"), "int dep(void){return 1;}", "-Wl,-soname,libdep.so.1");
    Path rpath = Gcc.sharedObject(dir.resolve("librp.so"), "int dep(void); int f(void){return dep();}",
        "-L" + dep.getParent(), "-ldep", "-Wl,--disable-new-dtags,-rpath,$ORIGIN/dep:/opt/x", "-Wl,-soname,librp.so");
    Path runpath = Gcc.sharedObject(dir.resolve("librun.so"), "int dep(void); int g(void){return dep();}",
        "-L" + dep.getParent(), "-ldep", "-Wl,--enable-new-dtags,-rpath,${ORIGIN}/dep");

    ElfFile withRpath = (ElfFile) ElfFile.read(rpath);
    assertThat(withRpath.bits()).isEqualTo(64);
    assertThat(withRpath.needed()).contains("libdep.so.1");
    assertThat(withRpath.rpath()).containsExactly("$ORIGIN/dep", "/opt/x");
    assertThat(withRpath.runpath()).isEmpty();
    assertThat(withRpath.soname()).contains("librp.so");
    ElfFile withRunpath = (ElfFile) ElfFile.read(runpath);
    assertThat(withRunpath.runpath()).containsExactly("${ORIGIN}/dep");
    assertThat(withRunpath.rpath()).isEmpty();
    assertThat(withRunpath.soname()).isEmpty();
    assertThat(((ElfFile) ElfFile.read(dep)).soname()).contains("libdep.so.1");
  }

  @Test
  void readsBothClassesAndByteOrders() throws IOException {
    for (int bits : List.of(32, 64)) {
      for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
        Path file = Files.write(dir.resolve("synthetic-" + bits + order), synthetic(bits, order));
        ElfRead read = ElfFile.read(file);
        assertThat(read).as(bits + " " + order).isInstanceOf(ElfFile.class);
        ElfFile elf = (ElfFile) read;
        assertThat(elf.bits()).isEqualTo(bits);
        assertThat(elf.order()).isEqualTo(order);
        assertThat(elf.machine()).isEqualTo(ElfFile.EM_AARCH64);
        assertThat(elf.needed()).containsExactly("libz.so.1");
        assertThat(elf.runpath()).containsExactly("/opt/r");
        assertThat(elf.soname()).isEqualTo(Optional.of("libx.so"));
      }
    }
  }

  @Test
  void notElfAndTruncatedAreValuesNotExceptions() throws IOException {
    assertThat(ElfFile.read(Files.writeString(dir.resolve("script.py"), "print(1)\n")))
        .isInstanceOf(ElfRead.NotElf.class);
    byte[] whole = synthetic(64, ByteOrder.LITTLE_ENDIAN);
    ElfRead truncated = ElfFile.read(Files.write(dir.resolve("cut.so"), Arrays.copyOf(whole, 40)));
    assertThat(truncated).isInstanceOf(ElfRead.Unreadable.class);
    assertThat(((ElfRead.Unreadable) truncated).reason()).startsWith("truncated");
    assertThat(ElfFile.read(dir.resolve("absent.so"))).isInstanceOf(ElfRead.Unreadable.class);
  }

  /**
   * Truncated and byte-flipped copies of a real shared object and of the synthetic ones: each read returns a value
   * (bounded: the iteration count, not a timer, is the budget; a hang would never finish the loop).
   */
  @Test
  void fuzzedFilesNeverThrow() throws Exception {
    byte[] real = Files.readAllBytes(Gcc.sharedObject(dir.resolve("libfuzz.so"), "int h(void){return 2;}",
        "-Wl,--enable-new-dtags,-rpath,$ORIGIN/x", "-Wl,-soname,libfuzz.so.1"));
    List<byte[]> seeds = List.of(real, synthetic(32, ByteOrder.BIG_ENDIAN), synthetic(64, ByteOrder.LITTLE_ENDIAN));
    Random random = new Random(19);
    Path target = dir.resolve("fuzzed.so");
    int unreadable = 0;
    int iterations = 3000;
    for (int i = 0; i < iterations; i++) {
      byte[] seed = seeds.get(i % seeds.size());
      byte[] bytes;
      if (random.nextInt(3) == 0) {
        bytes = Arrays.copyOf(seed, random.nextInt(seed.length));
      } else {
        bytes = seed.clone();
        int flips = 1 + random.nextInt(8);
        for (int f = 0; f < flips; f++) {
          // Mostly the headers and tables at the start, sometimes anywhere.
          int at = random.nextBoolean() ? random.nextInt(Math.min(bytes.length, 512)) : random.nextInt(bytes.length);
          bytes[at] = (byte) random.nextInt(256);
        }
      }
      Files.write(target, bytes);
      ElfRead read = ElfFile.read(target);
      assertThat(read).isNotNull();
      if (read instanceof ElfRead.Unreadable) {
        unreadable++;
      }
    }
    assertThat(unreadable).as("some fuzzed files are reported unreadable").isPositive();
  }

  /** A minimal ELF shared object: one PT_LOAD over the whole file, a PT_DYNAMIC, a string table. */
  static byte[] synthetic(int bits, ByteOrder order) {
    boolean wide = bits == 64;
    int ehsize = wide ? 64 : 52;
    int phentsize = wide ? 56 : 32;
    int dynOffset = ehsize + 2 * phentsize;
    int dynEntry = wide ? 16 : 8;
    int dynCount = 6;
    int strOffset = dynOffset + dynCount * dynEntry;
    byte[] strings = "\0libz.so.1\0/opt/r\0libx.so\0".getBytes(StandardCharsets.US_ASCII);
    int size = strOffset + strings.length;
    ByteBuffer b = ByteBuffer.allocate(size).order(order);
    b.put(0, new byte[] {0x7f, 'E', 'L', 'F', (byte) (wide ? 2 : 1), (byte) (order == ByteOrder.LITTLE_ENDIAN ? 1 : 2), 1});
    b.putShort(16, (short) 3);
    b.putShort(18, (short) ElfFile.EM_AARCH64);
    b.putInt(20, 1);
    if (wide) {
      b.putLong(32, ehsize);
      b.putShort(52, (short) ehsize);
      b.putShort(54, (short) phentsize);
      b.putShort(56, (short) 2);
      b.putShort(58, (short) 64);
    } else {
      b.putInt(28, ehsize);
      b.putShort(40, (short) ehsize);
      b.putShort(42, (short) phentsize);
      b.putShort(44, (short) 2);
      b.putShort(46, (short) 40);
    }
    long[][] headers = {{1, 0, size}, {2, dynOffset, dynCount * dynEntry}};
    for (int i = 0; i < 2; i++) {
      int at = ehsize + i * phentsize;
      b.putInt(at, (int) headers[i][0]);
      if (wide) {
        b.putLong(at + 8, headers[i][1]);
        b.putLong(at + 16, headers[i][1]);
        b.putLong(at + 32, headers[i][2]);
        b.putLong(at + 40, headers[i][2]);
      } else {
        b.putInt(at + 4, (int) headers[i][1]);
        b.putInt(at + 8, (int) headers[i][1]);
        b.putInt(at + 16, (int) headers[i][2]);
        b.putInt(at + 20, (int) headers[i][2]);
      }
    }
    long[][] dynamic = {{5, strOffset}, {10, strings.length}, {1, 1}, {29, 11}, {14, 18}, {0, 0}};
    for (int i = 0; i < dynCount; i++) {
      int at = dynOffset + i * dynEntry;
      if (wide) {
        b.putLong(at, dynamic[i][0]);
        b.putLong(at + 8, dynamic[i][1]);
      } else {
        b.putInt(at, (int) dynamic[i][0]);
        b.putInt(at + 4, (int) dynamic[i][1]);
      }
    }
    b.put(strOffset, strings);
    return b.array();
  }
}
