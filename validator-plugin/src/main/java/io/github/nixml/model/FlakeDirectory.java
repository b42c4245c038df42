package io.github.nixml.model;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The directory of a flake, whose files the flake may import ({@code import ./nix/shell.nix},
 * {@code callPackage ./shell.nix { }}) and read: nothing outside it is read.
 *
 * @param path the flake's directory on disk
 * @param texts the text of a file by its path relative to {@code path} ({@code nix/shell.nix}); empty when it cannot
 *     be read. The validator hands over its own reading, so that edits not yet written are what the model sees.
 */
public record FlakeDirectory(Path path, Function<String, Optional<String>> texts) {}
