package io.github.nixml.report;

import io.github.nixml.validate.Finding;
import io.github.nixml.validate.FindingIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Line-insensitive identities of findings, written to SARIF {@code partialFingerprints} and matched by a baseline:
 * a hash of the {@link FindingIdentity} (the rule id, the file and the message with every {@code line:col}
 * position taken out), then {@code :n} for the n-th finding with that hash in report order. Moving a finding to
 * another line keeps its fingerprint; a second identical finding in the same file is a new one.
 */
public final class Fingerprints {
  /** The key under {@code partialFingerprints}; the version changes if the recipe ever does. */
  public static final String KEY = "nixmlFinding/v1";

  private Fingerprints() {}

  /** The fingerprint of every finding, given in report order. */
  public static Map<Finding, String> of(List<Finding> findings) {
    Map<Finding, String> fingerprints = new IdentityHashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Finding finding : findings) {
      String hash = hash(FindingIdentity.of(finding));
      int occurrence = seen.merge(hash, 1, Integer::sum);
      fingerprints.put(finding, hash + ":" + occurrence);
    }
    return fingerprints;
  }

  static String hash(FindingIdentity finding) {
    String identity = finding.ruleId() + '\0' + finding.path() + '\0' + finding.message();
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
