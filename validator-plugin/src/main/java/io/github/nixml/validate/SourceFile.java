package io.github.nixml.validate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One input file as the validator saw it: present with its UTF-8 text, missing, or unreadable with the reason
 * (binary, too large, not UTF-8, a directory, an I/O error). Reading never throws. Positions computed from
 * offsets are 1-based lines and columns in chars.
 */
public final class SourceFile {

  /** What became of reading the file. */
  public enum State {
    PRESENT,
    MISSING,
    UNREADABLE
  }

  private final String path;
  private final State state;
  private final String text;
  private final String problem;
  private volatile int[] lineStarts;

  private SourceFile(String path, State state, String text, String problem) {
    this.path = Objects.requireNonNull(path, "path");
    this.state = state;
    this.text = text;
    this.problem = problem;
  }

  /** A file read from text already in memory (tests, generated input). */
  public static SourceFile of(String path, String text) {
    return new SourceFile(path, State.PRESENT, Objects.requireNonNull(text), null);
  }

  public static SourceFile missing(String path) {
    return new SourceFile(path, State.MISSING, null, null);
  }

  public static SourceFile unreadable(String path, String problem) {
    return new SourceFile(path, State.UNREADABLE, null, Objects.requireNonNull(problem));
  }

  /**
   * Reads {@code file}, reported as {@code path} (relative to the root). Files larger than {@code maxBytes},
   * holding a NUL byte or not valid UTF-8 are unreadable, with the reason.
   */
  public static SourceFile read(Path file, String path, long maxBytes) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (attributes.isDirectory()) {
        return unreadable(path, "is a directory, not a file");
      }
      if (!attributes.isRegularFile()) {
        return unreadable(path, "is not a regular file");
      }
      if (attributes.size() > maxBytes) {
        return unreadable(path, "is " + attributes.size() + " bytes, more than the " + maxBytes
            + "-byte limit; not read");
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        // Read at most one byte past the limit: the file may grow between stat and read.
        bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      }
      if (bytes.length > maxBytes) {
        return unreadable(path, "is more than the " + maxBytes + "-byte limit; not read");
      }
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == 0) {
          return unreadable(path, "is binary (NUL byte at offset " + i + "); expected text");
        }
      }
      CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      ByteBuffer input = ByteBuffer.wrap(bytes);
      try {
        CharBuffer chars = decoder.decode(input);
        return of(path, chars.toString());
      } catch (CharacterCodingException e) {
        return unreadable(path, "is not valid UTF-8 (bad byte near offset " + firstInvalidUtf8(bytes) + ")");
      }
    } catch (NoSuchFileException e) {
      return Files.isSymbolicLink(file) ? unreadable(path, "is a broken symbolic link") : missing(path);
    } catch (AccessDeniedException e) {
      return unreadable(path, "cannot be read: permission denied");
    } catch (IOException | RuntimeException e) {
      return unreadable(path, "cannot be read: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
  }

  private static int firstInvalidUtf8(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer input = ByteBuffer.wrap(bytes);
    CharBuffer output = CharBuffer.allocate(bytes.length + 1);
    decoder.decode(input, output, true);
    return input.position();
  }

  /** Path relative to the validation root, {@code /}-separated. */
  public String path() {
    return path;
  }

  public State state() {
    return state;
  }

  public boolean isPresent() {
    return state == State.PRESENT;
  }

  public boolean isMissing() {
    return state == State.MISSING;
  }

  public boolean isUnreadable() {
    return state == State.UNREADABLE;
  }

  /** The text, when the file is present. */
  public Optional<String> text() {
    return Optional.ofNullable(text);
  }

  /** Why the file could not be read, when it is unreadable (a sentence fragment: "is binary (...)"). */
  public Optional<String> problem() {
    return Optional.ofNullable(problem);
  }

  /** The whole file as a location. */
  public Location location() {
    return Location.wholeFile(path);
  }

  /** The location of a 1-based line and column. */
  public Location location(int line, int column) {
    return Location.of(path, line, column);
  }

  /** The location of a char offset (clamped into the text). */
  public Location locationAt(int offset) {
    int[] position = position(offset);
    return Location.of(path, position[0], position[1]);
  }

  /** The range of {@code length} chars starting at {@code offset}. */
  public Location locationAt(int offset, int length) {
    int[] start = position(offset);
    int[] end = position(offset + Math.max(0, length));
    return Location.range(path, start[0], start[1], end[0], end[1]);
  }

  /** The char offset of a 1-based line and column (clamped into the text); 0 when the file has no text. */
  public int offsetOf(int line, int column) {
    if (text == null) {
      return 0;
    }
    int[] starts = lineStarts();
    int start = starts[Math.max(0, Math.min(line, starts.length) - 1)];
    return Math.min(text.length(), start + Math.max(0, column - 1));
  }

  /** Number of lines (a final line without newline counts; an empty file has one empty line). */
  public int lineCount() {
    return text == null ? 0 : lineStarts().length;
  }

  /** The text of a 1-based line without its line terminator, or "" outside the file. */
  public String line(int line) {
    if (text == null || line < 1 || line > lineStarts().length) {
      return "";
    }
    int[] starts = lineStarts();
    int start = starts[line - 1];
    int end = line < starts.length ? starts[line] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(start, end);
  }

  private int[] position(int offset) {
    if (text == null) {
      return new int[] {1, 1};
    }
    int clamped = Math.max(0, Math.min(offset, text.length()));
    int[] starts = lineStarts();
    int index = Arrays.binarySearch(starts, clamped);
    int line = index >= 0 ? index : -index - 2;
    return new int[] {line + 1, clamped - starts[line] + 1};
  }

  private int[] lineStarts() {
    int[] starts = lineStarts;
    if (starts == null) {
      int count = 1;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          count++;
        }
      }
      starts = new int[count];
      int line = 1;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          starts[line++] = i + 1;
        }
      }
      lineStarts = starts;
    }
    return starts;
  }

  /** Whether {@code file} exists without following a final symbolic link. */
  static boolean exists(Path file) {
    return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
  }

  @Override
  public String toString() {
    return path + " (" + state.name().toLowerCase(java.util.Locale.ROOT)
        + (problem == null ? "" : ": " + problem) + ")";
  }
}
