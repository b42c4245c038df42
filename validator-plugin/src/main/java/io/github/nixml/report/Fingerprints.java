package io.github.nixml.report;

import io.github.nixml.validate.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Line-insensitive identities of findings, written to SARIF {@code partialFingerprints} and matched by a baseline:
 * a hash of the rule id, the file and the message with every {@code line:col} position taken out, then
 * {@code :n} for the n-th finding with that hash in report order. Moving a finding to another line keeps its
 * fingerprint; a second identical finding in the same file is a new one.
 */
public final class Fingerprints {
  /** The key under {@code partialFingerprints}; the version changes if the recipe ever does. */
  public static final String KEY = "nixmlFinding/v1";

  /** A {@code line:col} pair ("defined at 1:3") or a {@code :line} after a path. */
  private static final Pattern POSITION = Pattern.compile("\\d+:\\d+|:\\d+");

  private Fingerprints() {}

  /** The fingerprint of every finding, given in report order. */
  public static Map<Finding, String> of(List<Finding> findings) {
    Map<Finding, String> fingerprints = new IdentityHashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Finding finding : findings) {
      String hash = hash(finding.ruleId(), finding.location().path(), finding.message());
      int occurrence = seen.merge(hash, 1, Integer::sum);
      fingerprints.put(finding, hash + ":" + occurrence);
    }
    return fingerprints;
  }

  static String hash(String ruleId, String path, String message) {
    String identity = ruleId + '\0' + path + '\0' + POSITION.matcher(message).replaceAll(":_");
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(32);
      for (int i = 0; i < 16; i++) {
        hex.append(Character.forDigit((digest[i] >> 4) & 0xF, 16)).append(Character.forDigit(digest[i] & 0xF, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
