package io.github.nixml.model;

/** A {@code lib.makeLibraryPath […]} list, and where it is called. */
public record LibraryPath(PackageList entries, SourceSpan location) {}
