package io.github.nixml.validate.python;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version as PEP 440 defines it ({@code [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local]}), parsed with the spec's
 * normalisations (case, {@code v} prefix, {@code alpha}/{@code c}/{@code pre}/{@code rev} spellings, separators,
 * implicit numbers) and ordered as the spec orders versions.
 */
public final class Pep440Version implements Comparable<Pep440Version> {

  // The regular expression of PEP 440's appendix, "Parsing version strings with regular expressions".
  private static final Pattern VERSION = Pattern.compile(
      "v?(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\\.[0-9]+)*)"
          + "(?<pre>[-_.]?(?<preL>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preN>[0-9]+)?)?"
          + "(?<post>(?:-(?<postN1>[0-9]+))|(?:[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?))?"
          + "(?<dev>[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?"
          + "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?",
      Pattern.CASE_INSENSITIVE);

  private final BigInteger epoch;
  private final BigInteger[] release;
  private final String preLabel; // "a", "b", "rc" or null
  private final BigInteger preNumber;
  private final BigInteger post; // null when absent
  private final BigInteger dev; // null when absent
  private final List<String> local; // empty when absent

  private Pep440Version(BigInteger epoch, BigInteger[] release, String preLabel, BigInteger preNumber,
      BigInteger post, BigInteger dev, List<String> local) {
    this.epoch = epoch;
    this.release = release;
    this.preLabel = preLabel;
    this.preNumber = preNumber;
    this.post = post;
    this.dev = dev;
    this.local = local;
  }

  /** Parses a version; empty when it is not a PEP 440 version. */
  public static Optional<Pep440Version> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = VERSION.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    BigInteger epoch = m.group("epoch") == null ? BigInteger.ZERO : new BigInteger(m.group("epoch"));
    BigInteger[] release = Arrays.stream(m.group("release").split("\\.")).map(BigInteger::new)
        .toArray(BigInteger[]::new);
    String preLabel = null;
    BigInteger preNumber = null;
    if (m.group("pre") != null) {
      String label = m.group("preL").toLowerCase(Locale.ROOT);
      preLabel = switch (label) {
        case "alpha", "a" -> "a";
        case "beta", "b" -> "b";
        default -> "rc";
      };
      preNumber = m.group("preN") == null ? BigInteger.ZERO : new BigInteger(m.group("preN"));
    }
    BigInteger post = null;
    if (m.group("post") != null) {
      String n = m.group("postN1") != null ? m.group("postN1") : m.group("postN2");
      post = n == null ? BigInteger.ZERO : new BigInteger(n);
    }
    BigInteger dev = null;
    if (m.group("dev") != null) {
      dev = m.group("devN") == null ? BigInteger.ZERO : new BigInteger(m.group("devN"));
    }
    List<String> local = m.group("local") == null ? List.of()
        : List.of(m.group("local").toLowerCase(Locale.ROOT).split("[-_.]"));
    return Optional.of(new Pep440Version(epoch, release, preLabel, preNumber, post, dev, local));
  }

  /** A plain release such as 3.12.1. */
  public static Pep440Version of(int... release) {
    BigInteger[] parts = Arrays.stream(release).mapToObj(BigInteger::valueOf).toArray(BigInteger[]::new);
    return new Pep440Version(BigInteger.ZERO, parts, null, null, null, null, List.of());
  }

  public int releaseSize() {
    return release.length;
  }

  /** A release segment, 0 beyond the written ones (3.12 is 3.12.0). */
  public BigInteger releasePart(int index) {
    return index < release.length ? release[index] : BigInteger.ZERO;
  }

  public BigInteger epoch() {
    return epoch;
  }

  public boolean isPrerelease() {
    return preLabel != null || dev != null;
  }

  public boolean isPostRelease() {
    return post != null;
  }

  public boolean hasLocal() {
    return !local.isEmpty();
  }

  /** The same version without its local label. */
  public Pep440Version withoutLocal() {
    return local.isEmpty() ? this : new Pep440Version(epoch, release, preLabel, preNumber, post, dev, List.of());
  }

  /** Epoch and release only (no pre, post, dev or local). */
  public Pep440Version baseVersion() {
    return new Pep440Version(epoch, release, null, null, null, null, List.of());
  }

  @Override
  public int compareTo(Pep440Version other) {
    int c = epoch.compareTo(other.epoch);
    if (c != 0) {
      return c;
    }
    int length = Math.max(release.length, other.release.length);
    for (int i = 0; i < length; i++) {
      c = releasePart(i).compareTo(other.releasePart(i));
      if (c != 0) {
        return c;
      }
    }
    c = Integer.compare(preRank(), other.preRank());
    if (c != 0) {
      return c;
    }
    if (preLabel != null) {
      c = preNumber.compareTo(other.preNumber);
      if (c != 0) {
        return c;
      }
    }
    c = compareOptional(post, other.post, false);
    if (c != 0) {
      return c;
    }
    c = compareOptional(dev, other.dev, true);
    if (c != 0) {
      return c;
    }
    return compareLocal(local, other.local);
  }

  /** A dev release with neither pre nor post sorts before every pre-release; a final after all of them. */
  private int preRank() {
    if (preLabel == null) {
      return (post == null && dev != null) ? -1 : 3;
    }
    return switch (preLabel) {
      case "a" -> 0;
      case "b" -> 1;
      default -> 2;
    };
  }

  private static int compareOptional(BigInteger a, BigInteger b, boolean absentIsGreatest) {
    if (a == null && b == null) {
      return 0;
    }
    if (a == null) {
      return absentIsGreatest ? 1 : -1;
    }
    if (b == null) {
      return absentIsGreatest ? -1 : 1;
    }
    return a.compareTo(b);
  }

  private static int compareLocal(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      String x = a.get(i);
      String y = b.get(i);
      boolean xNumeric = x.chars().allMatch(Character::isDigit);
      boolean yNumeric = y.chars().allMatch(Character::isDigit);
      int c;
      if (xNumeric && yNumeric) {
        c = new BigInteger(x).compareTo(new BigInteger(y));
      } else if (xNumeric != yNumeric) {
        c = xNumeric ? 1 : -1; // numeric segments sort after alphanumeric ones
      } else {
        c = x.compareTo(y);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Pep440Version v && compareTo(v) == 0;
  }

  @Override
  public int hashCode() {
    List<BigInteger> trimmed = new ArrayList<>(Arrays.asList(release));
    while (trimmed.size() > 1 && trimmed.get(trimmed.size() - 1).signum() == 0) {
      trimmed.remove(trimmed.size() - 1);
    }
    return trimmed.hashCode() * 31 + epoch.hashCode();
  }

  /** The normalised form, e.g. {@code 1!3.12.0rc1.post2.dev3+ubuntu.1}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    if (epoch.signum() != 0) {
      s.append(epoch).append('!');
    }
    for (int i = 0; i < release.length; i++) {
      s.append(i == 0 ? "" : ".").append(release[i]);
    }
    if (preLabel != null) {
      s.append(preLabel).append(preNumber);
    }
    if (post != null) {
      s.append(".post").append(post);
    }
    if (dev != null) {
      s.append(".dev").append(dev);
    }
    if (!local.isEmpty()) {
      s.append('+').append(String.join(".", local));
    }
    return s.toString();
  }
}
