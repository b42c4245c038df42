package io.github.nixml.doctor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * glibc's loader cache, {@code /etc/ld.so.cache}, as {@code ldconfig} writes it and {@code ld.so} reads it
 * (glibc's {@code sysdeps/generic/dl-cache.h}): either the new format alone (magic {@code glibc-ld.so.cache} and
 * version {@code 1.1}, 48 bytes of header, entries of 24 bytes: flags, key, value, OS version, hwcap; string
 * offsets from the new header's start), or the old format ({@code ld.so-1.7.0}, entries of 12 bytes) with the new
 * one embedded after its entries, aligned to 8 bytes, which is what the loader then reads. Entries keep the
 * cache's order, the order {@code ldconfig -p} prints and {@code ld.so} searches. The cache is in the byte order
 * of the machine that wrote it; the new header says which.
 */
public record LdSoCache(List<Entry> entries) {

  /** One library: its soname, where it is, and its flags (type in the low byte, the required ABI above). */
  public record Entry(String soname, String path, int flags, long hwcap, int osVersion) {

    /** {@code libc6,x86-64}, as {@code ldconfig -p} prints the flags (without hwcap or OS ABI). */
    public String flagsText() {
      String type = switch (flags & FLAG_TYPE_MASK) {
        case 0 -> "libc4";
        case 1 -> "ELF";
        case 2 -> "libc5";
        case 3 -> "libc6";
        default -> "unknown";
      };
      int required = flags & FLAG_REQUIRED_MASK;
      String abi = switch (required) {
        case 0 -> "";
        case 0x0100, 0x0400, 0x0500, 0x0700 -> ",64bit";
        case 0x0200 -> ",IA-64";
        case 0x0300 -> ",x86-64";
        case 0x0600 -> ",N32";
        case 0x0800 -> ",x32";
        case 0x0900 -> ",hard-float";
        case 0x0a00 -> ",AArch64";
        case 0x0b00, 0x0f00, 0x1100 -> ",soft-float";
        case 0x0c00 -> ",nan2008";
        case 0x0d00 -> ",N32,nan2008";
        case 0x0e00 -> ",64bit,nan2008";
        case 0x1000, 0x1200 -> ",double-float";
        default -> "," + required;
      };
      return type + abi;
    }
  }

  /** The result of reading a cache file: the cache, or why there is none. */
  public sealed interface Read permits Parsed, Absent, Unreadable {}

  public record Parsed(LdSoCache cache) implements Read {}

  /** No cache file (NixOS has none): only the other search folders count. */
  public record Absent() implements Read {}

  public record Unreadable(String reason) implements Read {}

  static final int FLAG_TYPE_MASK = 0x00ff;
  static final int FLAG_REQUIRED_MASK = 0xff00;
  static final int FLAG_ELF_LIBC6 = 3;

  private static final byte[] OLD_MAGIC = "ld.so-1.7.0".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NEW_MAGIC = "glibc-ld.so.cache1.1".getBytes(StandardCharsets.US_ASCII);
  private static final int OLD_HEADER = 16;
  private static final int OLD_ENTRY = 12;
  private static final int NEW_HEADER = 48;
  private static final int NEW_ENTRY = 24;
  /** Larger than any real cache (a desktop's is well under 1 MiB); a bigger file is not read. */
  static final long MAX_BYTES = 64L << 20;

  public LdSoCache {
    entries = List.copyOf(entries);
  }

  /** The entries for {@code soname} the loader would use for an object of this class and machine, in order. */
  public List<Entry> lookup(String soname, int bits, int machine) {
    List<Entry> found = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.soname().equals(soname) && matches(entry.flags(), bits, machine)) {
        found.add(entry);
      }
    }
    return found;
  }

  /** Whether the loader of an object of this class and machine accepts an entry with these flags. */
  static boolean matches(int flags, int bits, int machine) {
    if ((flags & FLAG_TYPE_MASK) != FLAG_ELF_LIBC6) {
      return false;
    }
    int required = flags & FLAG_REQUIRED_MASK;
    return switch (machine) {
      case ElfFile.EM_X86_64 -> required == (bits == 64 ? 0x0300 : 0x0800);
      case ElfFile.EM_AARCH64 -> required == 0x0a00;
      case ElfFile.EM_386 -> required == 0;
      case ElfFile.EM_ARM -> required == 0x0900 || required == 0x0b00 || required == 0;
      default -> true;
    };
  }

  /** Reads a cache file, bounded; a missing file is {@link Absent}. */
  public static Read read(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size > MAX_BYTES) {
        return new Unreadable(file + " is " + size + " bytes, more than a loader cache holds");
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) size);
      while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
        // positional reads until the end
      }
      byte[] bytes = new byte[buffer.position()];
      buffer.flip().get(bytes);
      return parse(bytes).<Read>map(Parsed::new)
          .orElseGet(() -> new Unreadable(file + " is not a loader cache glibc can read"));
    } catch (NoSuchFileException e) {
      return new Absent();
    } catch (IOException | RuntimeException e) {
      return new Unreadable(file + ": " + e.getMessage());
    }
  }

  /** Parses a cache's bytes; empty when they are neither format or are inconsistent. */
  public static Optional<LdSoCache> parse(byte[] bytes) {
    ByteBuffer data = ByteBuffer.wrap(bytes);
    if (startsWith(bytes, 0, NEW_MAGIC)) {
      return parseNew(data, 0);
    }
    if (!startsWith(bytes, 0, OLD_MAGIC) || bytes.length < OLD_HEADER) {
      return Optional.empty();
    }
    for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
      long nlibs = Integer.toUnsignedLong(data.order(order).getInt(12));
      long end = OLD_HEADER + nlibs * OLD_ENTRY;
      long aligned = (end + 7) & ~7L;
      if (aligned + NEW_MAGIC.length <= bytes.length && startsWith(bytes, (int) aligned, NEW_MAGIC)) {
        return parseNew(data, (int) aligned);
      }
    }
    // The old format alone: glibc 2.32 stopped reading it; we do not either.
    return Optional.empty();
  }

  private static Optional<LdSoCache> parseNew(ByteBuffer data, int start) {
    int length = data.capacity();
    if (length - start < NEW_HEADER) {
      return Optional.empty();
    }
    int endianness = data.get(start + 28);
    data.order(endianness == 3 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    long nlibs = Integer.toUnsignedLong(data.getInt(start + 20));
    if (nlibs > (length - start - NEW_HEADER) / NEW_ENTRY) {
      return Optional.empty();
    }
    List<Entry> entries = new ArrayList<>((int) nlibs);
    for (int i = 0; i < nlibs; i++) {
      int at = start + NEW_HEADER + i * NEW_ENTRY;
      int flags = data.getInt(at);
      long key = Integer.toUnsignedLong(data.getInt(at + 4));
      long value = Integer.toUnsignedLong(data.getInt(at + 8));
      int osVersion = data.getInt(at + 12);
      long hwcap = data.getLong(at + 16);
      Optional<String> soname = string(data, start + key);
      Optional<String> path = string(data, start + value);
      if (soname.isEmpty() || path.isEmpty()) {
        return Optional.empty();
      }
      entries.add(new Entry(soname.get(), path.get(), flags, hwcap, osVersion));
    }
    return Optional.of(new LdSoCache(entries));
  }

  private static Optional<String> string(ByteBuffer data, long offset) {
    if (offset < 0 || offset >= data.capacity()) {
      return Optional.empty();
    }
    for (int i = (int) offset; i < data.capacity(); i++) {
      if (data.get(i) == 0) {
        byte[] text = new byte[i - (int) offset];
        data.get((int) offset, text);
        return Optional.of(new String(text, StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
    if (at < 0 || bytes.length - at < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
