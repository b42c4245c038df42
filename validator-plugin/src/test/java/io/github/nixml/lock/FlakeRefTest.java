package io.github.nixml.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FlakeRefTest {

  private static Map<String, String> attrs(String text) {
    return FlakeRef.parse(text).orElseThrow().attributes();
  }

  @Test
  void githubWithRefInPathOrQuery() {
    assertThat(attrs("github:NixOS/nixpkgs/nixos-24.11"))
        .isEqualTo(Map.of("type", "github", "owner", "NixOS", "repo", "nixpkgs", "ref", "nixos-24.11"));
    assertThat(attrs("github:NixOS/nixpkgs?ref=nixos-24.11"))
        .isEqualTo(Map.of("type", "github", "owner", "NixOS", "repo", "nixpkgs", "ref", "nixos-24.11"));
    assertThat(attrs("github:numtide/flake-utils"))
        .isEqualTo(Map.of("type", "github", "owner", "numtide", "repo", "flake-utils"));
    assertThat(attrs("github:NixOS/nixpkgs/0123456789abcdef0123456789abcdef01234567"))
        .containsEntry("rev", "0123456789abcdef0123456789abcdef01234567").doesNotContainKey("ref");
    assertThat(attrs("github:o/r?dir=sub&host=git.example.com"))
        .containsEntry("dir", "sub").containsEntry("host", "git.example.com");
    assertThat(attrs("gitlab:group/project/main")).containsEntry("type", "gitlab").containsEntry("ref", "main");
  }

  @Test
  void gitUrlsLiftRefOutOfTheQuery() {
    assertThat(attrs("git+https://github.com/NixOS/nixpkgs?ref=nixos-24.11&shallow=1"))
        .isEqualTo(Map.of("type", "git", "url", "https://github.com/NixOS/nixpkgs", "ref", "nixos-24.11"));
    assertThat(attrs("git+ssh://git@example.com/team/repo.git?ref=refs%2Fheads%2Fmain&foo=bar"))
        .isEqualTo(Map.of("type", "git", "url", "ssh://git@example.com/team/repo.git?foo=bar",
            "ref", "refs/heads/main"));
  }

  @Test
  void plainHttpsIsATarballOrAFile() {
    assertThat(attrs("https://github.com/NixOS/nixpkgs/archive/nixos-24.11.tar.gz"))
        .isEqualTo(Map.of("type", "tarball", "url", "https://github.com/NixOS/nixpkgs/archive/nixos-24.11.tar.gz"));
    assertThat(attrs("https://channels.nixos.org/nixos-24.11/nixexprs.tar.xz")).containsEntry("type", "tarball");
    assertThat(attrs("https://example.com/some/file.json")).containsEntry("type", "file");
    assertThat(attrs("tarball+https://example.com/get?id=3")).containsEntry("type", "tarball")
        .containsEntry("url", "https://example.com/get?id=3");
  }

  @Test
  void indirectAndPathReferences() {
    assertThat(attrs("nixpkgs")).isEqualTo(Map.of("type", "indirect", "id", "nixpkgs"));
    assertThat(attrs("flake:nixpkgs")).isEqualTo(Map.of("type", "indirect", "id", "nixpkgs"));
    assertThat(attrs("nixpkgs/nixos-24.11"))
        .isEqualTo(Map.of("type", "indirect", "id", "nixpkgs", "ref", "nixos-24.11"));
    assertThat(attrs("path:./sub")).isEqualTo(Map.of("type", "path", "path", "./sub"));
    assertThat(attrs("./sub")).isEqualTo(Map.of("type", "path", "path", "./sub"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "github:onlyowner", "github:o/r/main?ref=x", "mailto:someone", "flake:1abc"})
  void rejectsWhatNixRejects(String text) {
    assertThat(FlakeRef.parse(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "github:NixOS/nixpkgs/nixos-24.11, NixOS, nixpkgs, nixos-24.11",
    "github:nixos/nixpkgs?ref=nixos-unstable, nixos, nixpkgs, nixos-unstable",
    "git+https://github.com/NixOS/nixpkgs.git?ref=nixos-24.11, NixOS, nixpkgs, nixos-24.11",
    "https://github.com/NixOS/nixpkgs/archive/nixos-24.11.tar.gz, NixOS, nixpkgs, nixos-24.11",
    "https://github.com/NixOS/nixpkgs/archive/refs/heads/master.tar.gz, NixOS, nixpkgs, master",
    "https://codeload.github.com/NixOS/nixpkgs/tar.gz/nixpkgs-unstable, NixOS, nixpkgs, nixpkgs-unstable",
    "https://channels.nixos.org/nixos-24.11/nixexprs.tar.xz, NixOS, nixpkgs, nixos-24.11",
    "https://nixos.org/channels/nixpkgs-unstable/nixexprs.tar.xz, NixOS, nixpkgs, nixpkgs-unstable",
    "https://flakehub.com/f/NixOS/nixpkgs/0.2411.*.tar.gz, NixOS, nixpkgs, nixos-24.11",
    "nixpkgs/nixos-24.11, NixOS, nixpkgs, nixos-24.11",
    "github:my-fork/nixpkgs/nixos-24.11, my-fork, nixpkgs, nixos-24.11",
  })
  void readsRepositoryAndBranch(String text, String owner, String repo, String ref) {
    SourceRepository repository = FlakeRef.parse(text).orElseThrow().repository().orElseThrow();
    assertThat(repository.owner()).isEqualTo(owner);
    assertThat(repository.repo()).isEqualTo(repo);
    assertThat(repository.ref()).contains(ref);
    assertThat(repository.isNixpkgs()).isTrue();
  }

  @Test
  void archivePinnedToARevisionHasNoBranch() {
    SourceRepository repository = FlakeRef.parse(
        "https://github.com/NixOS/nixpkgs/archive/0123456789abcdef0123456789abcdef01234567.tar.gz")
        .orElseThrow().repository().orElseThrow();
    assertThat(repository.ref()).isEmpty();
    assertThat(repository.rev()).isPresent();
  }

  @Test
  void flakehubsRollingVersionAndPinnedUrlNameTheRepositoryButNoBranch() {
    SourceRepository rolling = FlakeRef.parse("https://flakehub.com/f/NixOS/nixpkgs/0.1").orElseThrow()
        .repository().orElseThrow();
    assertThat(rolling.isNixpkgs()).isTrue();
    assertThat(rolling.ref()).isEmpty();
    assertThat(rolling.rev()).isEmpty();
    SourceRepository pinned = FlakeRef.parse("https://api.flakehub.com/f/pinned/NixOS/nixpkgs/0.1.805967%2Brev-"
        + "62b852f6c6742134ade1abdd2a21685fd617a291/01970db8-4dda-7701-817a-6c888461eb33/source.tar.gz")
        .orElseThrow().repository().orElseThrow();
    assertThat(pinned.owner()).isEqualTo("NixOS");
    assertThat(pinned.ref()).isEmpty();
    assertThat(pinned.rev()).contains("62b852f6c6742134ade1abdd2a21685fd617a291");
  }

  @Test
  void otherSourcesSayNothingAboutARepository() {
    assertThat(FlakeRef.parse("path:./x").orElseThrow().repository()).isEmpty();
    assertThat(FlakeRef.parse("https://example.com/x.tar.gz").orElseThrow().repository()).isEmpty();
    assertThat(FlakeRef.parse("flake-utils").orElseThrow().repository()).isEmpty();
    assertThat(FlakeRef.parse("github:numtide/flake-utils").orElseThrow().repository().map(SourceRepository::isNixpkgs))
        .isEqualTo(Optional.of(false));
  }

  @Test
  void displaysReferencesTheWayFlakeNixWritesThem() {
    assertThat(FlakeRef.parse("github:NixOS/nixpkgs?ref=nixos-24.11").orElseThrow().display())
        .isEqualTo("github:NixOS/nixpkgs/nixos-24.11");
    assertThat(FlakeRef.parse("nixpkgs").orElseThrow().display()).isEqualTo("flake:nixpkgs");
    assertThat(FlakeRef.parse("git+https://x.org/r?ref=main").orElseThrow().display())
        .isEqualTo("git+https://x.org/r?ref=main");
  }

  @Test
  void localPathsAreThoseOfPathReferencesAndFileUrls() {
    assertThat(FlakeRef.fromAttributes(Map.of("type", "path", "path", "/nix/store/x-source")).localPath())
        .contains("/nix/store/x-source");
    assertThat(FlakeRef.fromAttributes(Map.of("type", "path", "path", "./sub")).localPath()).contains("./sub");
    assertThat(FlakeRef.fromAttributes(Map.of("type", "git", "url", "file:///home/a/lib?ref=main")).localPath())
        .contains("/home/a/lib");
    assertThat(FlakeRef.fromAttributes(Map.of("type", "tarball", "url", "file:/tmp/n.tar.gz")).localPath())
        .contains("/tmp/n.tar.gz");
    assertThat(FlakeRef.fromAttributes(Map.of("type", "git", "url", "https://example.org/a.git")).localPath())
        .isEmpty();
    assertThat(FlakeRef.fromAttributes(Map.of("type", "github", "owner", "NixOS", "repo", "nixpkgs")).localPath())
        .isEmpty();
  }
}
