package io.github.nixml.validate;

import java.util.List;

/**
 * Where a rule reports. The engine gives each rule its own sink, bound to the rule's id and configured severity,
 * so rules only say where and what.
 */
@FunctionalInterface
public interface FindingSink {

  void report(Location location, String message, List<Location> related);

  default void report(Location location, String message) {
    report(location, message, List.of());
  }
}
