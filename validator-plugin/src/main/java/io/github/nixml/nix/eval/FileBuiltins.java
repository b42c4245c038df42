package io.github.nixml.nix.eval;

import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Entry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code import} of local files ({@link Imports}), {@code readFile}, {@code readDir} and
 * {@code pathExists}, inside the root the host allows ({@link
 * Host#readableRoot}); anywhere else, or without a root, unknown: the files Nix would read are not ours to know.
 */
final class FileBuiltins {
  private FileBuiltins() {}

  static List<Builtin> all() {
    return List.of(
        // a foreign argument (an input: `import nixpkgs`) stops the body and goes to the host
        new Builtin("import", 1, FileBuiltins::importOf),
        new Builtin("pathExists", 1, call -> new Value.Bool(Files.exists(readable(call)))),
        new Builtin("readFile", 1, call -> {
          Value inPackage = packageFile(call);
          if (inPackage != null) {
            return inPackage;
          }
          Path file = readable(call);
          try {
            return call.str(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
          } catch (IOException e) {
            throw call.fail("opening file '" + file + "': " + e.getMessage());
          }
        }),
        new Builtin("readDir", 1, call -> {
          Path directory = readable(call);
          Map<String, Entry> entries = new LinkedHashMap<>();
          try (Stream<Path> children = Files.list(directory)) {
            children.forEach(child -> entries.put(child.getFileName().toString(),
                new Entry(Thunk.of(call.str(kind(child))), call.at())));
          } catch (IOException e) {
            throw call.fail("reading directory '" + directory + "': " + e.getMessage());
          }
          return new Attrs(entries, false);
        }));
  }

  /**
   * {@code import x}: a file of the project; a set is imported by its {@code outPath} as Nix coerces it to a path
   * (niv's and npins' pins: {@code import sources.nixpkgs { }}), a foreign one going to the host.
   */
  private static Value importOf(BuiltinCall call) {
    Value target = call.value(0);
    if (target instanceof Value.Attrs attrs && attrs.entries().containsKey("outPath")) {
      Value outPath = attrs.get("outPath");
      return outPath instanceof Value.Foreign ? call.evaluator().host().builtin(call.evaluator(), "import",
          List.of(outPath), call.at()) : call.evaluator().imports().load(outPath, call.at());
    }
    return call.evaluator().imports().load(target, call.at());
  }

  /**
   * The file {@code "${pkg}/nix-support/dynamic-linker"} names inside a package the host knows (its text a fact of
   * the package); null for any other argument.
   */
  private static Value packageFile(BuiltinCall call) {
    if (call.thunk(0).force() instanceof Value.Str str && str.pieces().size() == 2
        && str.pieces().get(0) instanceof Value.Interpolation first && first.value() instanceof Value.Foreign pkg
        && str.pieces().get(1) instanceof Value.Text rest && rest.text().startsWith("/")) {
      return call.evaluator().host().packageFile(call.evaluator(), pkg, rest.text(), call.at());
    }
    return null;
  }

  /** {@code readDir}'s word for a directory entry. */
  private static String kind(Path child) {
    if (Files.isSymbolicLink(child)) {
      return "symlink";
    }
    if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
      return "directory";
    }
    return Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS) ? "regular" : "unknown";
  }

  /**
   * The argument (a path, or a string naming an absolute one) as a file under the readable root, with links
   * resolved as far as they exist; stops with unknown for anything else.
   */
  private static Path readable(BuiltinCall call) {
    Path root = call.evaluator().host().readableRoot();
    Value argument = call.value(0);
    String path = argument instanceof Value.Path p ? p.path()
        : copiedPath(argument).orElseGet(() -> call.coerced(argument, false));
    if (root == null || !path.startsWith("/")) {
      throw new BuiltinCall.Stop(root == null ? Value.UNKNOWN
          : new Value.Failure(Value.FailureKind.OTHER, "string '" + path + "' doesn't represent an absolute path",
              call.at()));
    }
    return underRoot(root, path).orElseThrow(() -> new BuiltinCall.Stop(Value.UNKNOWN));
  }

  /**
   * A string that names a path of the project copied to the store, with literal text after it ({@code "${./.}"},
   * {@code "${./data}/labs"}): the copy holds the same files, so it is read where the path lies.
   */
  private static Optional<String> copiedPath(Value argument) {
    if (argument instanceof Value.Str str && !str.pieces().isEmpty()
        && str.pieces().get(0) instanceof Value.Interpolation first && first.value() instanceof Value.Path copied) {
      StringBuilder path = new StringBuilder(copied.path());
      for (Value.Piece piece : str.pieces().subList(1, str.pieces().size())) {
        if (!(piece instanceof Value.Text text)) {
          return Optional.empty();
        }
        path.append(text.text());
      }
      String rest = path.substring(copied.path().length());
      // `"${./data}x"` names the store's `…-datax`, no file of the project; `..` leaves the copy (into the store);
      // a link is copied as a link, which may lead nowhere there
      return (rest.isEmpty() || rest.startsWith("/")) && !java.util.Arrays.asList(rest.split("/")).contains("..")
          && noLinkOnTheWay(copied.path(), rest) ? Optional.of(path.toString()) : Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * Whether the copied path exists and neither it nor a folder of {@code rest} below it is a link (the store copy
   * would hold the link itself); a missing path makes Nix fail where the model would answer.
   */
  private static boolean noLinkOnTheWay(String copied, String rest) {
    Path path = Path.of(copied);
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(path)) {
      return false;
    }
    for (String name : rest.split("/")) {
      if (name.isEmpty() || name.equals(".")) {
        continue;
      }
      path = path.resolve(name);
      if (Files.isSymbolicLink(path)) {
        return false;
      }
    }
    return true;
  }

  /**
   * An absolute path as a file under {@code root}, links resolved as far as they exist; empty when it lies outside
   * (a link leading out included) or the root cannot be read.
   */
  static Optional<Path> underRoot(Path root, String path) {
    try {
      Path realRoot = root.toRealPath();
      Path file = Path.of(Paths.canonical(path));
      Path existing = file;
      while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
        existing = existing.getParent();
      }
      Path real = existing == null ? file : existing.toRealPath().resolve(existing.relativize(file));
      return real.startsWith(realRoot) ? Optional.of(real) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
