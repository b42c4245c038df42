package io.github.nixml.validate.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionSpecifierSetTest {

  static final List<String> SPECIFIERS = List.of(
      ">=3.11", ">=3.11,<3.13", "==3.12.*", "!=3.12.*", "~=3.12", "~=3.12.1", "==3.12", "==3.12.0", "!=3.12.1",
      ">3.12", "<3.12", "<=3.12", ">3.12.0", "<3.13.0rc1", ">=3.13.0a1", "===3.12.1", "==3.*", ">=3, <4",
      "~=3.11.5", "==3.12.1+local", ">=1!1.0", "", " >= 3.10 , != 3.11.* ", ">3.12.post1", "==3.12.0.0");

  static final List<String> VERSIONS = List.of(
      "3.10.0", "3.11", "3.11.4", "3.11.5", "3.12", "3.12.0", "3.12.1", "3.12.9", "3.12.0rc1", "3.12.0.post1",
      "3.12.1+local", "3.12.post1", "3.12.post2", "3.13.0a1", "3.13.0rc1", "3.13", "3.13.0.dev1", "4.0", "1!1.0",
      "3.12.1.dev0", "3.12.0.0");

  @Test
  void versionsParseAndOrderAsPep440Says() {
    List<String> ordered = List.of("3.12.dev1", "3.12a1", "3.12a2.dev1", "3.12a2", "3.12b1", "3.12rc1", "3.12",
        "3.12+abc", "3.12+1", "3.12.post1.dev1", "3.12.post1", "3.12.1", "1!0.1");
    for (int i = 0; i + 1 < ordered.size(); i++) {
      Pep440Version a = Pep440Version.parse(ordered.get(i)).orElseThrow();
      Pep440Version b = Pep440Version.parse(ordered.get(i + 1)).orElseThrow();
      assertThat(a).as(a + " < " + b).isLessThan(b);
    }
    assertThat(Pep440Version.parse("V3.12.0-RC.1").orElseThrow()).hasToString("3.12.0rc1");
    assertThat(Pep440Version.parse("3.12-1").orElseThrow()).hasToString("3.12.post1");
    assertThat(Pep440Version.parse("3.12.0")).contains(Pep440Version.parse("3.12").orElseThrow());
    assertThat(Pep440Version.parse("3.12.x")).isEmpty();
  }

  @Test
  void invalidSpecifiersSayWhy() {
    assertThatThrownBy(() -> VersionSpecifierSet.parse(">=3.12;<4")).hasMessageContaining("not a PEP 440 version");
    assertThatThrownBy(() -> VersionSpecifierSet.parse("3.12")).hasMessageContaining("is not a version specifier");
    assertThatThrownBy(() -> VersionSpecifierSet.parse("~=3")).hasMessageContaining("at least two");
    assertThatThrownBy(() -> VersionSpecifierSet.parse(">=3.12.*")).hasMessageContaining("only allowed with ==");
    assertThatThrownBy(() -> VersionSpecifierSet.parse(">=3.12,")).hasMessageContaining("empty clause");
  }

  /** Every specifier against every version, compared with python's packaging library (prereleases=True). */
  @Test
  void matchesLikePythonPackaging() {
    StringBuilder input = new StringBuilder();
    List<String> ours = new ArrayList<>();
    for (String spec : SPECIFIERS) {
      VersionSpecifierSet set = VersionSpecifierSet.parse(spec);
      for (String version : VERSIONS) {
        input.append(spec).append('\t').append(version).append('\n');
        ours.add(spec + " | " + version + " -> "
            + set.containsIgnoringPrereleasePolicy(Pep440Version.parse(version).orElseThrow()));
      }
    }
    String script = "import sys\n"
        + "from packaging.specifiers import SpecifierSet\n"
        + "from packaging.version import Version\n"
        + "for line in sys.stdin.read().splitlines():\n"
        + "    spec, version = line.split('\\t')\n"
        + "    print(f'{spec} | {version} -> {str(SpecifierSet(spec).contains(Version(version), prereleases=True)).lower()}')\n";
    String theirs = ExternalTool.run(List.of("python3", "-c", script), input.toString(), null,
        "install python3 with the packaging module: apt-get install -y python3-packaging");
    assertThat(ours).containsExactlyElementsOf(theirs.lines().toList());
  }
}
