package io.github.nixml.nix;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nixml.nix.syntax.TreeDump;
import io.github.nixml.testing.Oracle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The hand-written corpus: {@code nix-corpus/accept/x.nix} must parse without diagnostics into
 * the tree in {@code x.tree}; {@code nix-corpus/reject/x.nix} must give the diagnostics in
 * {@code x.diagnostics} ({@code line:col KIND}, one per line). Every file must print back
 * byte-for-byte, and Nix must agree with the folder it is in.
 *
 * <p>Run with {@code -Dnixml.updateCorpus=true} to rewrite the expected files after a deliberate
 * change, then review the diff.
 */
class NixCorpusTest {
  static final Path CORPUS = Path.of(System.getProperty("basedir", "."), "src/test/resources/nix-corpus");
  private static final boolean UPDATE = Boolean.getBoolean("nixml.updateCorpus");

  static List<Path> files(String folder) throws IOException {
    try (Stream<Path> files = Files.list(CORPUS.resolve(folder))) {
      return files.filter(p -> p.toString().endsWith(".nix")).sorted().collect(Collectors.toList());
    }
  }

  @TestFactory
  Stream<DynamicTest> acceptedFilesParseToTheExpectedTree() throws IOException {
    return files("accept").stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      NixFile nix = NixFrontEnd.analyze(Files.readAllBytes(file));
      assertThat(nix.diagnostics()).as("diagnostics of %s", file).isEmpty();
      String tree = TreeDump.dump(nix.root().green());
      Path expected = sibling(file, ".tree");
      if (UPDATE) {
        Files.writeString(expected, tree, StandardCharsets.UTF_8);
      }
      assertThat(tree).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }));
  }

  @TestFactory
  Stream<DynamicTest> rejectedFilesGiveTheExpectedDiagnostics() throws IOException {
    return files("reject").stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      NixFile nix = NixFrontEnd.analyze(Files.readAllBytes(file));
      assertThat(nix.hasErrors()).as("%s is rejected", file).isTrue();
      String actual = nix.diagnostics().stream()
          .map(d -> d.line() + ":" + d.column() + " " + d.kind())
          .collect(Collectors.joining("\n", "", "\n"));
      Path expected = sibling(file, ".diagnostics");
      if (UPDATE) {
        Files.writeString(expected, actual, StandardCharsets.UTF_8);
      }
      assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusFilePrintsBackExactly() throws IOException {
    return Stream.concat(files("accept").stream(), files("reject").stream())
        .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
          String text = NixFrontEnd.decode(Files.readAllBytes(file));
          assertThat(NixFrontEnd.analyze(text).root().text()).isEqualTo(text);
        }));
  }

  @TestFactory
  Stream<DynamicTest> nixAgreesWithTheCorpusVerdicts() throws IOException {
    return Stream.concat(files("accept").stream(), files("reject").stream())
        .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
          Oracle.Verdict verdict = Oracle.NIX_PARSE.check(file);
          boolean shouldAccept = file.getParent().getFileName().toString().equals("accept");
          assertThat(verdict.accepted()).as("nix-instantiate --parse %s: %s", file, verdict.output())
              .isEqualTo(shouldAccept);
          assertThat(NixFrontEnd.analyze(Files.readAllBytes(file)).hasErrors()).isEqualTo(!verdict.accepted());
        }));
  }

  private static Path sibling(Path file, String extension) {
    String name = file.getFileName().toString();
    return file.resolveSibling(name.substring(0, name.length() - ".nix".length()) + extension);
  }
}
