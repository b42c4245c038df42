package io.github.nixml.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nixml.validate.Finding;
import io.github.nixml.validate.Location;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The findings of an earlier run, read from its {@code nixml.sarif}: a team adopting nixml on an old codebase
 * records today's findings once, and from then on only new findings fail the gate. A finding is known when the
 * baseline has a result with the same rule, file and {@link Fingerprints fingerprint}.
 */
public final class Baseline {

  /** One result of the baseline: what identifies it, and what SARIF needs to list it as {@code absent}. */
  public record Entry(String ruleId, Location location, String fingerprint, String level, String message) {
    String key() {
      return key(ruleId, location.path(), fingerprint);
    }

    static String key(String ruleId, String path, String fingerprint) {
      return ruleId + '\0' + path + '\0' + fingerprint;
    }
  }

  private final Map<String, Entry> entries;

  private Baseline(Map<String, Entry> entries) {
    this.entries = entries;
  }

  /**
   * Reads the results of a nixml SARIF report (those already {@code absent} in it are not part of it).
   *
   * @throws IOException with a message fit for a user when the file is missing or is not a nixml SARIF report
   */
  public static Baseline read(Path sarif) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.newBufferedReader(sarif));
    } catch (NoSuchFileException e) {
      throw new IOException("baseline " + sarif + " does not exist", e);
    } catch (IOException e) {
      throw new IOException("baseline " + sarif + " is not a SARIF file: " + firstLine(e.getMessage()), e);
    }
    JsonNode results = root == null ? null : root.path("runs").path(0).path("results");
    if (results == null || !results.isArray()) {
      throw new IOException("baseline " + sarif + " is not a SARIF file: it has no runs[0].results");
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (JsonNode result : results) {
      String fingerprint = result.path("partialFingerprints").path(Fingerprints.KEY).asText("");
      if (fingerprint.isEmpty() || "absent".equals(result.path("baselineState").asText())) {
        continue;
      }
      JsonNode physical = result.path("locations").path(0).path("physicalLocation");
      Entry entry = new Entry(result.path("ruleId").asText(), location(physical), fingerprint,
          result.path("level").asText("warning"), result.path("message").path("text").asText(""));
      entries.put(entry.key(), entry);
    }
    return new Baseline(entries);
  }

  /** Which of {@code findings} the baseline knows, and which of its results are gone. */
  public BaselineComparison compare(List<Finding> findings) {
    Map<Finding, String> fingerprints = Fingerprints.of(findings);
    Set<Finding> unchanged = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<String> matched = new HashSet<>();
    for (Finding finding : findings) {
      String key = Entry.key(finding.ruleId(), finding.location().path(), fingerprints.get(finding));
      if (entries.containsKey(key)) {
        unchanged.add(finding);
        matched.add(key);
      }
    }
    List<Entry> absent = new ArrayList<>();
    for (Entry entry : entries.values()) {
      if (!matched.contains(entry.key())) {
        absent.add(entry);
      }
    }
    return new BaselineComparison(true, unchanged, absent);
  }

  private static Location location(JsonNode physical) {
    String path = path(physical.path("artifactLocation").path("uri").asText());
    JsonNode region = physical.path("region");
    if (region.isMissingNode() || region.path("properties").path("wholeFile").asBoolean(false)) {
      return Location.wholeFile(path);
    }
    return Location.range(path, Math.max(1, region.path("startLine").asInt(1)),
        Math.max(1, region.path("startColumn").asInt(1)), Math.max(0, region.path("endLine").asInt(0)),
        Math.max(0, region.path("endColumn").asInt(0)));
  }

  private static String path(String uri) {
    try {
      String decoded = new URI(uri).getPath();
      return decoded.startsWith("./") ? decoded.substring(2) : decoded;
    } catch (URISyntaxException e) {
      return uri;
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
