package io.github.nixml.doctor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the dynamic loader reads of an ELF file: its class (32 or 64 bits), byte order, machine, and from the
 * dynamic section {@code DT_NEEDED}, {@code DT_RPATH}, {@code DT_RUNPATH} and {@code DT_SONAME} (names from the
 * dynamic string table). {@link #read} never throws and never reads a file whole: each read is positional and
 * bounded, every count and offset is checked against the file's size, so a truncated or hostile file is a
 * {@link ElfRead.Unreadable} with the reason, and a file that is not ELF at all is {@link ElfRead.NotElf}.
 */
public record ElfFile(Path path, int bits, ByteOrder order, int machine, List<String> needed, List<String> rpath,
    List<String> runpath, Optional<String> soname) implements ElfRead {

  public static final int EM_386 = 3;
  public static final int EM_ARM = 40;
  public static final int EM_X86_64 = 62;
  public static final int EM_AARCH64 = 183;

  private static final int PT_LOAD = 1;
  private static final int PT_DYNAMIC = 2;
  private static final int SHT_DYNAMIC = 6;
  private static final long DT_NULL = 0;
  private static final long DT_NEEDED = 1;
  private static final long DT_STRTAB = 5;
  private static final long DT_STRSZ = 10;
  private static final long DT_SONAME = 14;
  private static final long DT_RPATH = 15;
  private static final long DT_RUNPATH = 29;
  /** More dynamic entries than any real object has (libtorch_cuda.so has 47); bounds the work on hostile input. */
  private static final int MAX_DYNAMIC_ENTRIES = 1 << 16;
  /** The longest name or path list read from the string table. */
  private static final int MAX_STRING = 1 << 16;
  /** The largest header entry accepted (real ones are 32 to 64 bytes); bounds the tables read to 64 MiB. */
  private static final int MAX_HEADER_ENTRY = 1024;

  public ElfFile {
    needed = List.copyOf(needed);
    rpath = List.copyOf(rpath);
    runpath = List.copyOf(runpath);
  }

  public boolean is64() {
    return bits == 64;
  }

  /** Reads {@code file}; any problem becomes a {@link Read} value. */
  public static ElfRead read(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      return new Parser(file, channel, channel.size()).parse();
    } catch (Malformed e) {
      return new ElfRead.Unreadable(file, e.getMessage());
    } catch (IOException | RuntimeException e) {
      return new ElfRead.Unreadable(file, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  /** Whether {@code file} starts with the ELF magic (four bytes read). */
  public static boolean hasElfMagic(Path file) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer magic = ByteBuffer.allocate(4);
      while (magic.hasRemaining() && channel.read(magic, magic.position()) > 0) {
        // positional reads until four bytes or the end
      }
      return magic.position() == 4 && magic.get(0) == 0x7f && magic.get(1) == 'E' && magic.get(2) == 'L'
          && magic.get(3) == 'F';
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** A structural problem, said in words. */
  private static final class Malformed extends Exception {
    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  private static final class Parser {
    private final Path file;
    private final FileChannel channel;
    private final long size;
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    private boolean wide;

    Parser(Path file, FileChannel channel, long size) {
      this.file = file;
      this.channel = channel;
      this.size = size;
    }

    ElfRead parse() throws IOException, Malformed {
      if (size < 16) {
        return size >= 4 && isMagic(bytes(0, 4)) ? truncated("the identification") : new ElfRead.NotElf(file);
      }
      ByteBuffer ident = bytes(0, 16);
      if (!isMagic(ident)) {
        return new ElfRead.NotElf(file);
      }
      int elfClass = ident.get(4);
      int data = ident.get(5);
      if (elfClass != 1 && elfClass != 2) {
        throw new Malformed("unknown ELF class " + elfClass);
      }
      if (data != 1 && data != 2) {
        throw new Malformed("unknown ELF byte order " + data);
      }
      wide = elfClass == 2;
      order = data == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
      int headerSize = wide ? 64 : 52;
      if (size < headerSize) {
        return truncated("the ELF header");
      }
      ByteBuffer header = bytes(0, headerSize);
      int machine = Short.toUnsignedInt(header.getShort(18));
      long phoff = wide ? header.getLong(32) : Integer.toUnsignedLong(header.getInt(28));
      long shoff = wide ? header.getLong(40) : Integer.toUnsignedLong(header.getInt(32));
      int phentsize = Short.toUnsignedInt(header.getShort(wide ? 54 : 42));
      int phnum = Short.toUnsignedInt(header.getShort(wide ? 56 : 44));
      int shentsize = Short.toUnsignedInt(header.getShort(wide ? 58 : 46));
      int shnum = Short.toUnsignedInt(header.getShort(wide ? 60 : 48));

      List<long[]> loads = new ArrayList<>();
      long dynOffset = -1;
      long dynSize = 0;
      if (phnum > 0) {
        int minimum = wide ? 56 : 32;
        if (phentsize < minimum || phentsize > MAX_HEADER_ENTRY) {
          throw new Malformed("program header entries of " + phentsize + " bytes (" + minimum + " to " + MAX_HEADER_ENTRY + " expected)");
        }
        ByteBuffer table = bytes(phoff, (long) phentsize * phnum, "the program headers");
        for (int i = 0; i < phnum; i++) {
          int at = i * phentsize;
          int type = table.getInt(at);
          long offset = wide ? table.getLong(at + 8) : Integer.toUnsignedLong(table.getInt(at + 4));
          long vaddr = wide ? table.getLong(at + 16) : Integer.toUnsignedLong(table.getInt(at + 8));
          long filesz = wide ? table.getLong(at + 32) : Integer.toUnsignedLong(table.getInt(at + 16));
          if (type == PT_LOAD) {
            loads.add(new long[] {vaddr, offset, filesz});
          } else if (type == PT_DYNAMIC && dynOffset < 0) {
            dynOffset = offset;
            dynSize = filesz;
          }
        }
      }
      long sectionStrtab = -1;
      if (dynOffset < 0 && shnum > 0) {
        // No program headers naming it (an object file, a stripped-down test): the section headers.
        int minimum = wide ? 64 : 40;
        if (shentsize < minimum || shentsize > MAX_HEADER_ENTRY) {
          throw new Malformed("section header entries of " + shentsize + " bytes (" + minimum + " to " + MAX_HEADER_ENTRY + " expected)");
        }
        ByteBuffer table = bytes(shoff, (long) shentsize * shnum, "the section headers");
        for (int i = 0; i < shnum && dynOffset < 0; i++) {
          int at = i * shentsize;
          if (table.getInt(at + 4) == SHT_DYNAMIC) {
            dynOffset = wide ? table.getLong(at + 24) : Integer.toUnsignedLong(table.getInt(at + 16));
            dynSize = wide ? table.getLong(at + 32) : Integer.toUnsignedLong(table.getInt(at + 20));
            int link = table.getInt(at + 40 - (wide ? 0 : 16));
            if (link > 0 && link < shnum) {
              int linked = link * shentsize;
              sectionStrtab = wide ? table.getLong(linked + 24) : Integer.toUnsignedLong(table.getInt(linked + 16));
            }
          }
        }
      }
      if (dynOffset < 0) {
        // A static executable or a plain object: it needs nothing.
        return new ElfFile(file, wide ? 64 : 32, order, machine, List.of(), List.of(), List.of(), Optional.empty());
      }
      int entrySize = wide ? 16 : 8;
      long entries = Math.min(dynSize / entrySize, MAX_DYNAMIC_ENTRIES);
      if (dynOffset > size || dynOffset < 0) {
        return truncated("the dynamic section");
      }
      entries = Math.min(entries, (size - dynOffset) / entrySize);
      ByteBuffer dynamic = bytes(dynOffset, entries * entrySize, "the dynamic section");
      List<Long> neededAt = new ArrayList<>();
      List<Long> rpathAt = new ArrayList<>();
      List<Long> runpathAt = new ArrayList<>();
      long sonameAt = -1;
      long strtab = -1;
      long strsz = -1;
      for (int i = 0; i < entries; i++) {
        int at = i * entrySize;
        long tag = wide ? dynamic.getLong(at) : dynamic.getInt(at);
        long value = wide ? dynamic.getLong(at + 8) : Integer.toUnsignedLong(dynamic.getInt(at + 4));
        if (tag == DT_NULL) {
          break;
        } else if (tag == DT_NEEDED) {
          neededAt.add(value);
        } else if (tag == DT_RPATH) {
          rpathAt.add(value);
        } else if (tag == DT_RUNPATH) {
          runpathAt.add(value);
        } else if (tag == DT_SONAME) {
          sonameAt = value;
        } else if (tag == DT_STRTAB) {
          strtab = value;
        } else if (tag == DT_STRSZ) {
          strsz = value;
        }
      }
      boolean namesSomething = !neededAt.isEmpty() || !rpathAt.isEmpty() || !runpathAt.isEmpty() || sonameAt >= 0;
      long strings = -1;
      if (strtab >= 0) {
        strings = fileOffset(loads, strtab);
      }
      if (strings < 0) {
        strings = sectionStrtab;
      }
      if (namesSomething && strings < 0) {
        throw new Malformed("the dynamic string table (DT_STRTAB 0x" + Long.toHexString(strtab)
            + ") lies in no loaded segment");
      }
      if (namesSomething && (strings > size)) {
        return truncated("the dynamic string table");
      }
      long limit = strsz < 0 ? size - Math.max(strings, 0) : Math.min(strsz, size - strings);
      StringTable table = new StringTable(strings, limit);
      List<String> needed = new ArrayList<>();
      for (long offset : neededAt) {
        needed.add(table.at(offset));
      }
      List<String> rpath = new ArrayList<>();
      for (long offset : rpathAt) {
        rpath.addAll(splitPath(table.at(offset)));
      }
      List<String> runpath = new ArrayList<>();
      for (long offset : runpathAt) {
        runpath.addAll(splitPath(table.at(offset)));
      }
      Optional<String> soname = sonameAt < 0 ? Optional.empty() : Optional.of(table.at(sonameAt));
      return new ElfFile(file, wide ? 64 : 32, order, machine, needed, rpath, runpath, soname);
    }

    private ElfRead truncated(String part) {
      return new ElfRead.Unreadable(file, "truncated: the file ends (" + size + " bytes) before " + part);
    }

    /** The file offset of a virtual address, through the loadable segment holding it; -1 when none does. */
    private static long fileOffset(List<long[]> loads, long address) {
      for (long[] load : loads) {
        long start = load[0];
        long length = load[2];
        if (Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address - start, length) < 0) {
          return load[1] + (address - start);
        }
      }
      return -1;
    }

    private ByteBuffer bytes(long offset, int length) throws IOException, Malformed {
      return bytes(offset, length, "the header");
    }

    /** {@code length} bytes at {@code offset}, in the file's byte order; refused when they lie past the end. */
    private ByteBuffer bytes(long offset, long length, String part) throws IOException, Malformed {
      if (offset < 0 || length < 0 || offset > size || length > size - offset) {
        throw new Malformed("truncated: " + part + " (" + length + " bytes at offset " + Long.toUnsignedString(offset)
            + ") lie past the end of the file (" + size + " bytes)");
      }
      if (length > Integer.MAX_VALUE - 8) {
        throw new Malformed(part + " is implausibly large (" + length + " bytes)");
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) length);
      long at = offset;
      while (buffer.hasRemaining()) {
        int read = channel.read(buffer, at);
        if (read <= 0) {
          throw new Malformed("truncated: the file ended while reading " + part);
        }
        at += read;
      }
      return buffer.flip().order(order);
    }

    private static boolean isMagic(ByteBuffer ident) {
      return ident.get(0) == 0x7f && ident.get(1) == 'E' && ident.get(2) == 'L' && ident.get(3) == 'F';
    }

    /** NUL-terminated strings of the dynamic string table, each read in bounded chunks. */
    private final class StringTable {
      private final long start;
      private final long length;

      StringTable(long start, long length) {
        this.start = start;
        this.length = length;
      }

      String at(long offset) throws IOException, Malformed {
        if (offset < 0 || offset >= length) {
          throw new Malformed("a name's offset " + Long.toUnsignedString(offset)
              + " lies outside the dynamic string table (" + length + " bytes)");
        }
        long available = Math.min(length - offset, MAX_STRING);
        ByteBuffer chunk = bytes(start + offset, available, "the dynamic string table");
        for (int i = 0; i < available; i++) {
          if (chunk.get(i) == 0) {
            byte[] name = new byte[i];
            chunk.get(0, name);
            return new String(name, StandardCharsets.UTF_8);
          }
        }
        throw new Malformed("a name at offset " + offset + " of the dynamic string table has no terminating NUL");
      }
    }
  }

  /** A colon-separated search path, empty elements dropped (ld.so reads an empty element as the current folder). */
  static List<String> splitPath(String text) {
    List<String> parts = new ArrayList<>();
    for (String part : text.split(":", -1)) {
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    return parts;
  }
}
