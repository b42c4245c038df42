package io.github.nixml.validate.python;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PythonRequestTest {

  @ParameterizedTest
  @ValueSource(strings = {"3", "3.12", "3.12.1", "312", "38", "3.13t", "3.13+freethreaded", "3.12.0+debug",
      "3.14.0rc1", ">=3.12", ">=3.11,<3.13", "cpython@3.12", "CPython@3.12", "pypy@3.10", "pypy3.10", "cp312",
      "cpython3.12", "cpython-3.12", "cpython-3.12.3-linux-x86_64-gnu", "python3.12", "pypy", "any", "default",
      "/usr/bin/python3", ".venv/bin/python", "cpython>=3.12"})
  void uvUnderstands(String line) {
    assertThat(PythonRequest.parse(line).problem()).as(line).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.12 # pinned", "Python 3.12", "3.12.*", "system", "python-3.12", "3.12.x", "2.7",
      "3.6", "3.12t", "latest", "3.12.1.4", "3.12.post1", "\uFEFF3.12", "py3.12", ">=3.12;<4"})
  void uvDoesNotUnderstand(String line) {
    assertThat(PythonRequest.parse(line).problem()).as(line).isPresent();
  }

  @Test
  void majorMinorAndAdmission() {
    PythonRequest request = PythonRequest.parse("cpython@3.12").request().orElseThrow();
    assertThat(request.majorMinor()).contains("3.12");
    assertThat(request.admits(Pep440Version.of(3, 12, 4))).isTrue();
    assertThat(request.admits(Pep440Version.of(3, 13, 0))).isFalse();
    assertThat(PythonRequest.parse("312").request().orElseThrow().majorMinor()).contains("3.12");
    assertThat(PythonRequest.parse(">=3.11").request().orElseThrow().majorMinor()).isEmpty();
    assertThat(PythonRequest.parse(">=3.11").request().orElseThrow().admits(Pep440Version.of(3, 10, 9))).isFalse();
  }
}
