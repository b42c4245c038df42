package io.github.nixml.validate.python;

import io.github.nixml.validate.Location;
import io.github.nixml.validate.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A project's {@code .python-version} as uv reads it: every line trimmed, blank lines and lines starting with
 * {@code #} skipped, each remaining line one request; uv uses the first.
 */
public record PythonVersionFile(SourceFile source, List<Entry> entries) {

  /** One request line: where it stands and what it parsed to. */
  public record Entry(Location location, String text, PythonRequest.Parsed parsed) {
    public Optional<PythonRequest> request() {
      return parsed.request();
    }
  }

  public PythonVersionFile {
    entries = List.copyOf(entries);
  }

  /** Parses the file's lines; a missing or unreadable file has no entries. */
  public static PythonVersionFile parse(SourceFile source) {
    List<Entry> entries = new ArrayList<>();
    for (int line = 1; line <= source.lineCount(); line++) {
      String raw = source.line(line);
      String trimmed = raw.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int column = raw.indexOf(trimmed.charAt(0)) + 1;
      entries.add(new Entry(source.location(line, column), trimmed, PythonRequest.parse(trimmed)));
    }
    return new PythonVersionFile(source, entries);
  }

  /** The request uv uses: the first entry. */
  public Optional<Entry> first() {
    return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0));
  }

  /** The first entry's request when it parsed. */
  public Optional<PythonRequest> request() {
    return first().flatMap(Entry::request);
  }
}
