package io.github.nixml.validate.facts;

import io.github.nixml.lock.FlakeLock;
import io.github.nixml.lock.FlakeRef;
import io.github.nixml.lock.LockInput;
import io.github.nixml.lock.LockNode;
import io.github.nixml.lock.NixpkgsBranch;
import io.github.nixml.lock.SourceRepository;
import io.github.nixml.model.NixpkgsRevision;
import io.github.nixml.validate.Location;
import io.github.nixml.validate.ProjectContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A nixpkgs input of a project: any input whose repository is nixpkgs, whatever its name ({@code nixpkgs},
 * {@code nixpkgs_master}, {@code unstable}, ...), with where a finding about it points.
 *
 * @param name the input name in flake.nix and in the lock's root node
 * @param repository owner, repository and followed branch
 * @param node the lock node, when the project has a well-formed lock
 * @param location the lock node when there is one, else the declaration in flake.nix
 * @param declaration where flake.nix declares the input, when it does
 * @param follows the path it follows in the lock ({@code hf-nix/nixpkgs} as {@code ["hf-nix", "nixpkgs"]}), empty
 *     for an input locked on its own
 * @param updateInput the input whose {@code nix flake update} re-locks it: itself, or the one it follows into
 */
public record NixpkgsInput(
    String name, SourceRepository repository, Optional<LockNode> node, Location location,
    Optional<Location> declaration, List<String> follows, String updateInput) {

  public NixpkgsInput {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(declaration, "declaration");
    follows = List.copyOf(follows);
    Objects.requireNonNull(updateInput, "updateInput");
  }

  /** The command that re-locks this input: {@code `nix flake update nixpkgs`}, or the followed input's. */
  public String updateCommand() {
    return "`nix flake update " + updateInput + "`";
  }

  /**
   * How to re-lock it, for messages: {@code run `nix flake update nixpkgs`}, or for an input that follows another
   * input's {@code run `nix flake update hf-nix` (nixpkgs follows hf-nix/nixpkgs)}.
   */
  public String updateAdvice() {
    return "run " + updateCommand() + followsNote().map(note -> " (" + note + ")").orElse("");
  }

  /** {@code nixpkgs follows hf-nix/nixpkgs}, for an input that follows another input's. */
  public Optional<String> followsNote() {
    return follows.isEmpty() ? Optional.empty() : Optional.of(name + " follows " + String.join("/", follows));
  }

  /** The branch the input follows, when it names one. */
  public Optional<String> branch() {
    return repository.ref();
  }

  /**
   * Which nixpkgs the input gives, as the facts per release know revisions: the release its branch names
   * ({@code nixos-24.11}, {@code nixpkgs-24.11-darwin}…), or for a rolling branch ({@code nixos-unstable}) the day
   * its locked revision was committed. Empty when the input follows another input's, names no branch, follows
   * master or another branch, or is unstable without a locked date: nothing is known then.
   */
  public Optional<NixpkgsRevision> revision() {
    if (!follows.isEmpty() || branch().isEmpty()) {
      return Optional.empty();
    }
    NixpkgsBranch parsed = NixpkgsBranch.parse(branch().get());
    return switch (parsed.kind()) {
      case RELEASE -> parsed.release().map(r -> new NixpkgsRevision.Release(r.year(), r.month()));
      case ROLLING -> node.flatMap(LockNode::lastModified)
          .map(instant -> new NixpkgsRevision.Unstable(LocalDate.ofInstant(instant, ZoneOffset.UTC)));
      case MASTER, OTHER -> Optional.empty();
    };
  }

  /** The flake.nix declaration as a related location, when the finding itself points into flake.lock. */
  public List<Location> related() {
    return declaration.filter(d -> !d.equals(location)).map(List::of).orElse(List.of());
  }

  static List<NixpkgsInput> of(ProjectContext context) {
    DeclaredInputs declared = ProjectFacts.declaredInputs(context);
    Optional<FlakeLock> lock = ProjectFacts.lock(context);
    List<NixpkgsInput> found = new ArrayList<>();
    if (lock.isPresent()) {
      for (LockInput entry : lock.get().distinctRootInputs()) {
        Optional<LockNode> node = lock.get().resolve(entry);
        repositoryOf(node.get()).filter(SourceRepository::isNixpkgs).ifPresent(repository -> found.add(
            new NixpkgsInput(entry.name(), repository, node, ProjectFacts.inLock(context, node.get().position()),
                declared.find(entry.name()).map(DeclaredInput::location), entry.follows(),
                lock.get().updatedBy(entry))));
      }
    } else {
      for (DeclaredInput input : declared.inputs()) {
        input.reference().flatMap(FlakeRef::repository).filter(SourceRepository::isNixpkgs).ifPresent(
            repository -> found.add(new NixpkgsInput(input.name(), repository, Optional.empty(), input.location(),
                Optional.of(input.location()), List.of(), input.name())));
      }
    }
    return List.copyOf(found);
  }

  /**
   * The nixpkgs inputs of a devenv project without a flake: devenv.yaml's inputs by URL (devenv's default nixpkgs
   * when it names none), each with its node in devenv.lock (flake.lock's format) when the lock is well-formed. Only
   * the facts per release read them ({@link FlakeShells#revisionOf}); the lock rules judge flake.lock alone.
   */
  static List<NixpkgsInput> ofDevenv(ProjectContext context) {
    io.github.nixml.model.DevenvSettings settings = DevenvYaml.read(context.file(ProjectContext.DEVENV_YAML).text());
    Optional<FlakeLock> lock = context.file(ProjectContext.DEVENV_LOCK).text()
        .map(io.github.nixml.lock.FlakeLockReader::read)
        .flatMap(result -> result instanceof io.github.nixml.lock.FlakeLockResult.Read read
            ? Optional.of(read.lock()) : Optional.empty());
    Location yaml = Location.wholeFile(context.pathOf(ProjectContext.DEVENV_YAML));
    List<NixpkgsInput> found = new ArrayList<>();
    settings.inputs().forEach((name, url) -> url.flatMap(FlakeRef::parse).flatMap(FlakeRef::repository)
        .filter(SourceRepository::isNixpkgs).ifPresent(repository -> {
          Optional<LockNode> node = lock.flatMap(l -> l.distinctRootInputs().stream()
              .filter(entry -> entry.name().equals(name) && entry.follows().isEmpty()).findFirst()
              .flatMap(l::resolve));
          found.add(new NixpkgsInput(name, repository, node, yaml, Optional.of(yaml), List.of(), name));
        }));
    return List.copyOf(found);
  }

  /**
   * The repository of a lock node: its {@code original}, except that an indirect reference ({@code nixpkgs})
   * takes owner and repository from what the registry resolved it to ({@code locked}), keeping its own branch.
   */
  static Optional<SourceRepository> repositoryOf(LockNode node) {
    FlakeRef original = node.originalRef();
    Optional<SourceRepository> locked = node.lockedRef().repository();
    if (original.type().equals("indirect") && locked.isPresent()) {
      return Optional.of(new SourceRepository(locked.get().owner(), locked.get().repo(), original.ref(),
          original.rev()));
    }
    return original.repository().or(() -> locked);
  }
}
