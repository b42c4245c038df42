package io.github.nixml.nix.oracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The hand-written programs of {@code src/test/resources/nix-oracle/}: {@code corpus/} holds tricky
 * programs, {@code regressions/} the disagreements the differential test found. A file named
 * {@code accept-*.nix} is one Nix accepts, {@code reject-*.nix} one it rejects.
 */
final class OracleCorpus {
  private OracleCorpus() {}

  static List<Path> files() {
    return Stream.concat(filesUnder("corpus"), filesUnder("regressions")).toList();
  }

  static boolean expectedAccepted(Path file) {
    String name = file.getFileName().toString();
    if (name.startsWith("accept-")) {
      return true;
    }
    if (name.startsWith("reject-")) {
      return false;
    }
    throw new AssertionError("corpus file must be named accept-*.nix or reject-*.nix: " + file);
  }

  static List<String> texts() {
    return files().stream().map(OracleCorpus::read).toList();
  }

  static String read(Path file) {
    try {
      // Decoded as the front-end would be given it; a malformed byte becomes U+FFFD, never a failure.
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<Path> filesUnder(String folder) {
    URL url = OracleCorpus.class.getResource("/nix-oracle/" + folder);
    if (url == null) {
      return Stream.empty();
    }
    try (Stream<Path> listing = Files.list(Path.of(url.toURI()))) {
      return listing.filter(p -> p.toString().endsWith(".nix")).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
