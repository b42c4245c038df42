package io.github.nixml.lock;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository a flake reference fetches from and the branch or tag it follows, when the reference says: from
 * {@code github:NixOS/nixpkgs/nixos-24.11}, {@code git+https://github.com/NixOS/nixpkgs?ref=nixos-24.11},
 * {@code https://github.com/NixOS/nixpkgs/archive/nixos-24.11.tar.gz}, a channel tarball
 * {@code https://channels.nixos.org/nixos-24.11/nixexprs.tar.xz}, or the registry id {@code nixpkgs}.
 *
 * @param owner the owning user or organisation ({@code NixOS})
 * @param repo the repository name ({@code nixpkgs})
 * @param ref the branch or tag followed; empty when pinned to a revision or left to the registry
 * @param rev the pinned revision, when the reference names one
 */
public record SourceRepository(String owner, String repo, Optional<String> ref, Optional<String> rev) {

  private static final Pattern REV = Pattern.compile("[0-9a-fA-F]{40}");
  private static final Pattern GIT_HOST_URL =
      Pattern.compile("(?:https?|ssh|git)://(?:[^@/]+@)?(?:www\\.)?(github\\.com|gitlab\\.com)[:/]([^/]+)/([^/?#]+?)(?:\\.git)?/?(?:[?#].*)?");
  private static final Pattern GITHUB_ARCHIVE = Pattern.compile(
      "https?://(?:www\\.)?github\\.com/([^/]+)/([^/]+)/archive/(?:refs/(?:heads|tags)/)?(.+?)\\.(?:tar\\.gz|tgz|zip|tar\\.xz|tar)(?:[?#].*)?");
  private static final Pattern CODELOAD =
      Pattern.compile("https?://codeload\\.github\\.com/([^/]+)/([^/]+)/(?:tar\\.gz|zip|legacy\\.tar\\.gz)/(?:refs/(?:heads|tags)/)?([^?#]+)(?:[?#].*)?");
  private static final Pattern GITLAB_ARCHIVE =
      Pattern.compile("https?://gitlab\\.com/([^/]+)/([^/]+)/-/archive/([^/]+)/[^?#]+(?:[?#].*)?");
  private static final Pattern CHANNEL = Pattern.compile(
      "https?://(?:channels\\.nixos\\.org|(?:www\\.)?nixos\\.org/channels)/([^/?#]+)/nixexprs\\.tar\\.(?:xz|gz|bz2)(?:[?#].*)?");
  private static final Pattern FLAKEHUB_RELEASE =
      Pattern.compile("https?://(?:api\\.)?flakehub\\.com/f/([^/]+)/([^/]+)/0\\.(\\d\\d)(05|11)(?:\\.[^/?#]*)?(?:\\.tar\\.gz)?(?:[?#].*)?");

  private static final Pattern FLAKEHUB_ANY =
      Pattern.compile("https?://(?:api\\.)?flakehub\\.com/f/(?:pinned/)?([^/?#]+)/([^/?#]+)(?:[/?#].*)?");
  private static final Pattern FLAKEHUB_REV = Pattern.compile("rev-([0-9a-fA-F]{40})");

  public SourceRepository {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(repo, "repo");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(rev, "rev");
  }

  /** True for the Nix package set, whoever owns the copy. */
  public boolean isNixpkgs() {
    return repo.equalsIgnoreCase("nixpkgs");
  }

  /** True when owned by the NixOS organisation (GitHub names are case-insensitive). */
  public boolean isOwnedByNixOS() {
    return owner.equalsIgnoreCase("NixOS");
  }

  /** {@code owner/repo}. */
  public String slug() {
    return owner + "/" + repo;
  }

  static Optional<SourceRepository> of(FlakeRef ref) {
    switch (ref.type()) {
      case "github", "gitlab", "sourcehut":
        if (ref.owner().isEmpty() || ref.repo().isEmpty()) {
          return Optional.empty();
        }
        return Optional.of(new SourceRepository(ref.owner().get(), ref.repo().get(), ref.ref(), ref.rev()));
      case "indirect":
        // The global registry maps the id nixpkgs to github:NixOS/nixpkgs; the lock's `locked` says for sure.
        if (ref.id().filter("nixpkgs"::equals).isPresent()) {
          return Optional.of(new SourceRepository("NixOS", "nixpkgs", ref.ref(), ref.rev()));
        }
        return Optional.empty();
      case "git": {
        Optional<String> url = ref.url();
        if (url.isEmpty()) {
          return Optional.empty();
        }
        Matcher m = GIT_HOST_URL.matcher(url.get());
        return m.matches()
            ? Optional.of(new SourceRepository(m.group(2), m.group(3), ref.ref(), ref.rev()))
            : Optional.empty();
      }
      case "tarball", "file":
        return ref.url().flatMap(SourceRepository::fromArchiveUrl);
      default:
        return Optional.empty();
    }
  }

  private static Optional<SourceRepository> fromArchiveUrl(String url) {
    for (Pattern pattern : new Pattern[] {GITHUB_ARCHIVE, CODELOAD, GITLAB_ARCHIVE}) {
      Matcher m = pattern.matcher(url);
      if (m.matches()) {
        String refOrRev = FlakeRefParser.percentDecode(m.group(3));
        boolean isRev = REV.matcher(refOrRev).matches();
        return Optional.of(new SourceRepository(m.group(1), m.group(2),
            isRev ? Optional.empty() : Optional.of(refOrRev), isRev ? Optional.of(refOrRev) : Optional.empty()));
      }
    }
    Matcher channel = CHANNEL.matcher(url);
    if (channel.matches()) {
      // Channels are published by NixOS from nixpkgs branches of the same name.
      return Optional.of(new SourceRepository("NixOS", "nixpkgs", Optional.of(channel.group(1)), Optional.empty()));
    }
    Matcher flakehub = FLAKEHUB_RELEASE.matcher(url);
    if (flakehub.matches()) {
      // FlakeHub names nixpkgs release YY.MM as version 0.YYMM.
      String branch = flakehub.group(2).toLowerCase(Locale.ROOT).equals("nixpkgs")
          ? "nixos-" + flakehub.group(3) + "." + flakehub.group(4) : null;
      return Optional.of(new SourceRepository(flakehub.group(1), flakehub.group(2), Optional.ofNullable(branch),
          Optional.empty()));
    }
    Matcher anyFlakehub = FLAKEHUB_ANY.matcher(url);
    if (anyFlakehub.matches()) {
      // another version (`0.1`, nixpkgs' rolling one) or the lock's pinned URL: the repository, and the revision
      // the pinned URL names (`…/0.1.805967%2Brev-62b8…/…`); which branch a version follows is FlakeHub's to say
      Matcher rev = FLAKEHUB_REV.matcher(url);
      return Optional.of(new SourceRepository(anyFlakehub.group(1), anyFlakehub.group(2), Optional.empty(),
          rev.find() ? Optional.of(rev.group(1)) : Optional.empty()));
    }
    return Optional.empty();
  }
}
