package io.github.nixml.model;

import io.github.nixml.nix.syntax.SourceSpan;

/** A {@code lib.makeLibraryPath […]} list, and where it is called. */
public record LibraryPath(PackageList entries, SourceSpan location) {}
