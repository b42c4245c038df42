package io.github.nixml.doctor;

import java.nio.file.Path;

/** The outcome of reading one file as ELF: an {@link ElfFile}, not ELF at all, or an ELF file no loader can use. */
public sealed interface ElfRead permits ElfFile, ElfRead.NotElf, ElfRead.Unreadable {

  /** Not an ELF file (no {@code \x7fELF} magic): a script, data, a file too short to tell. */
  record NotElf(Path path) implements ElfRead {}

  /** An ELF file the loader could not use either: truncated, inconsistent, or unreadable on disk. */
  record Unreadable(Path path, String reason) implements ElfRead {}
}
