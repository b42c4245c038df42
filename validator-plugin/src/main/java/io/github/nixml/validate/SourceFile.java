package io.github.nixml.validate;

import io.github.nixml.nix.syntax.LineIndex;
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
import java.util.Objects;
import java.util.Optional;

/**
 * One input file as the validator saw it: present with its UTF-8 text, missing, or unreadable with the reason
 * (binary, too large, not UTF-8, a directory, an I/O error). Reading never throws. Positions computed from
 * offsets are 1-based lines and columns in chars.
 *
 * <p>Nix files are read as Nix reads them: a NUL byte or a malformed UTF-8 sequence does not stop Nix 2.8 (inside a
 * string or a comment it is content), so such a file is present, its malformed bytes decoded as U+FFFD, and the
 * first such place kept as its {@link #encodingProblem()}. Other files must be valid UTF-8 text without NUL.
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
  private final boolean tooLarge;
  private final EncodingProblem encodingProblem;
  private volatile LineIndex lines;

  /** Where a present file first departs from clean UTF-8 text: a NUL or a malformed byte, at a char offset. */
  public record EncodingProblem(int offset, String description) {}

  private SourceFile(String path, State state, String text, String problem, boolean tooLarge,
      EncodingProblem encodingProblem) {
    this.path = Objects.requireNonNull(path, "path");
    this.state = state;
    this.text = text;
    this.problem = problem;
    this.tooLarge = tooLarge;
    this.encodingProblem = encodingProblem;
  }

  private SourceFile(String path, State state, String text, String problem) {
    this(path, state, text, problem, false, null);
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
   * Reads {@code file}, reported as {@code path} (relative to the root). Files larger than {@code maxBytes} are
   * unreadable and {@link #isTooLarge()}; a Nix file ({@code *.nix}) holding a NUL byte or malformed UTF-8 is read
   * as Nix reads it (see the class comment), any other such file is unreadable, with the reason.
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
        return tooLarge(path, "is " + attributes.size() + " bytes, more than the " + maxBytes + "-byte limit; not read");
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        // Read at most one byte past the limit: the file may grow between stat and read.
        bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      }
      if (bytes.length > maxBytes) {
        return tooLarge(path, "is more than the " + maxBytes + "-byte limit; not read");
      }
      if (path.endsWith(".nix")) {
        return readAsNix(path, bytes);
      }
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == 0) {
          return unreadable(path, "is binary (NUL byte at offset " + i + "); expected text");
        }
      }
      int badByte = firstInvalidUtf8(bytes);
      if (badByte < bytes.length) {
        return unreadable(path, "is not valid UTF-8 (bad byte near offset " + badByte + ")");
      }
      return of(path, new String(bytes, StandardCharsets.UTF_8)); // valid: the String decoder's fast path
    } catch (NoSuchFileException e) {
      return Files.isSymbolicLink(file) ? unreadable(path, "is a broken symbolic link") : missing(path);
    } catch (AccessDeniedException e) {
      return unreadable(path, "cannot be read: permission denied");
    } catch (IOException | RuntimeException e) {
      return unreadable(path, "cannot be read: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
  }

  private static SourceFile tooLarge(String path, String problem) {
    return new SourceFile(path, State.UNREADABLE, null, problem, true, null);
  }

  /** Decodes as Nix reads bytes: malformed sequences become U+FFFD, NULs stay; the first of either is noted. */
  private static SourceFile readAsNix(String path, byte[] bytes) {
    int badByte = firstInvalidUtf8(bytes);
    int nul = -1;
    for (int i = 0; i < Math.min(bytes.length, badByte); i++) {
      if (bytes[i] == 0) {
        nul = i;
        break;
      }
    }
    String text;
    if (badByte == bytes.length) {
      text = new String(bytes, StandardCharsets.UTF_8); // valid: the String decoder's fast path, no replacement
    } else {
      CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
      try {
        text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        throw new IllegalStateException("a replacing decoder does not fail", e);
      }
    }
    EncodingProblem encoding = null;
    if (nul >= 0) {
      encoding = new EncodingProblem(charOffset(bytes, nul), "a NUL byte (offset " + nul + ")");
    } else if (badByte < bytes.length) {
      encoding = new EncodingProblem(charOffset(bytes, badByte), "bytes that are not UTF-8 (offset " + badByte + ")");
    }
    return new SourceFile(path, State.PRESENT, text, null, false, encoding);
  }

  /** The char offset of a byte offset that starts, or lies after, a valid UTF-8 prefix. */
  private static int charOffset(byte[] bytes, int byteOffset) {
    return new String(bytes, 0, byteOffset, StandardCharsets.UTF_8).length();
  }

  /** The byte offset of the first malformed UTF-8 sequence, or the length when there is none. */
  private static int firstInvalidUtf8(byte[] bytes) {
    int ascii = 0;
    while (ascii < bytes.length && bytes[ascii] >= 0) {
      ascii++;
    }
    if (ascii == bytes.length) {
      return ascii; // ASCII, as nearly every Nix, TOML and lock file is: no decoder, no char buffer
    }
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

  /** True when the file was not read because it is larger than the configured limit. */
  public boolean isTooLarge() {
    return tooLarge;
  }

  /** A Nix file's first NUL byte or malformed UTF-8 (Nix reads past both), if any. */
  public Optional<EncodingProblem> encodingProblem() {
    return Optional.ofNullable(encodingProblem);
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
    if (text == null) {
      return Location.of(path, 1, 1);
    }
    return Location.of(path, lines().line(offset), lines().column(offset));
  }

  /** The range of {@code length} chars starting at {@code offset}. */
  public Location locationAt(int offset, int length) {
    Location start = locationAt(offset);
    Location end = locationAt(offset + Math.max(0, length));
    return Location.range(path, start.line(), start.column(), end.line(), end.column());
  }

  /** The char offset of a 1-based line and column (clamped into the text); 0 when the file has no text. */
  public int offsetOf(int line, int column) {
    if (text == null) {
      return 0;
    }
    int start = lines().lineStart(Math.max(1, Math.min(line, lines().lineCount())));
    return Math.min(text.length(), start + Math.max(0, column - 1));
  }

  /** Number of lines (a final line without newline counts; an empty file has one empty line). */
  public int lineCount() {
    return text == null ? 0 : lines().lineCount();
  }

  /** The text of a 1-based line without its line terminator, or "" outside the file. */
  public String line(int line) {
    if (text == null || line < 1 || line > lines().lineCount()) {
      return "";
    }
    int start = lines().lineStart(line);
    int end = line < lines().lineCount() ? lines().lineStart(line + 1) : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(start, end);
  }

  private LineIndex lines() {
    LineIndex index = lines;
    if (index == null) {
      index = new LineIndex(text);
      lines = index;
    }
    return index;
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
