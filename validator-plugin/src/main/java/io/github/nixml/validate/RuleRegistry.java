package io.github.nixml.validate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The known rules, by id. The engine and the mojo find rules here and never by class. */
public final class RuleRegistry {
  private final Map<String, Rule> rules;

  private RuleRegistry(Map<String, Rule> rules) {
    this.rules = rules;
  }

  /** @throws IllegalArgumentException when two rules share an id */
  public static RuleRegistry of(Collection<? extends Rule> rules) {
    Map<String, Rule> byId = new TreeMap<>();
    for (Rule rule : rules) {
      Rule previous = byId.put(rule.id(), rule);
      if (previous != null) {
        throw new IllegalArgumentException("two rules with id " + rule.id() + ": "
            + previous.getClass().getName() + " and " + rule.getClass().getName());
      }
    }
    return new RuleRegistry(new LinkedHashMap<>(byId));
  }

  public Optional<Rule> find(String id) {
    return Optional.ofNullable(rules.get(id));
  }

  /** Every rule, sorted by id. */
  public List<Rule> all() {
    return List.copyOf(rules.values());
  }

  /** The rules the configuration leaves enabled, sorted by id. */
  public List<Rule> enabled(ValidationConfig config) {
    List<Rule> enabled = new ArrayList<>();
    for (Rule rule : rules.values()) {
      if (config.isEnabled(rule.id())) {
        enabled.add(rule);
      }
    }
    return enabled;
  }

  /**
   * Rejects a configuration that names a rule that does not exist (a typo would otherwise silently do nothing).
   *
   * @throws IllegalArgumentException naming the unknown id
   */
  public void checkKnown(ValidationConfig config) {
    List<String> named = new ArrayList<>(config.severities().keySet());
    named.addAll(config.disabledRules());
    named.sort(null);
    for (String id : named) {
      if (!rules.containsKey(id)) {
        throw new IllegalArgumentException("unknown rule id '" + id + "' (known rules: "
            + String.join(", ", rules.keySet()) + ")");
      }
    }
  }
}
