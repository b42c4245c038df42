package io.github.nixml.model;

/** A Python interpreter a shell brings: {@code 3.12} from {@code python312}, and the reference that brings it. */
public record PythonInterpreter(String version, String attribute, PackageRef ref) {}
