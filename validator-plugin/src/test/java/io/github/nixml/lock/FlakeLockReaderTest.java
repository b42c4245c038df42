package io.github.nixml.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FlakeLockReaderTest {

  static final String LOCK = """
      {
        "nodes": {
          "flake-utils": {
            "inputs": {
              "systems": [
                "systems"
              ]
            },
            "locked": {
              "lastModified": 1731533236,
              "narHash": "sha256-l0KFg5HjrsfsO/JpG+r7fRrqm12kzFHyUHqHCVpMMbI=",
              "owner": "numtide",
              "repo": "flake-utils",
              "rev": "11707dc2f618dd54ca8739b309ec4fc024de578b",
              "type": "github"
            },
            "original": {
              "owner": "numtide",
              "repo": "flake-utils",
              "type": "github"
            }
          },
          "nixpkgs": {
            "locked": {
              "lastModified": 1735834308,
              "narHash": "sha256-dklw3AXr3OGO4/XT1Tu3Xz9n/we8GctZZ75ZWVqAVhk=",
              "owner": "NixOS",
              "repo": "nixpkgs",
              "rev": "6df24922a1400241dae323af55f30e4318a6ca65",
              "type": "github"
            },
            "original": {
              "owner": "NixOS",
              "ref": "nixos-24.11",
              "repo": "nixpkgs",
              "type": "github"
            }
          },
          "root": {
            "inputs": {
              "flake-utils": "flake-utils",
              "nixpkgs": "nixpkgs",
              "systems": "systems"
            }
          },
          "systems": {
            "locked": {
              "lastModified": 1681028828,
              "narHash": "sha256-Vy1rq5AaRuLzOxct8nz4T6wlgyUR7zLU309k9mBC768=",
              "owner": "nix-systems",
              "repo": "default",
              "rev": "da67096a3b9bf56a91d16901293e51ba5b49a27e",
              "type": "github"
            },
            "original": {
              "owner": "nix-systems",
              "repo": "default",
              "type": "github"
            }
          }
        },
        "root": "root",
        "version": 7
      }
      """;

  @Test
  void readsNodesWithTheirPositions() {
    FlakeLock lock = ((FlakeLockResult.Read) FlakeLockReader.read(LOCK)).lock();
    assertThat(lock.version()).isEqualTo(7);
    assertThat(lock.root().inputs()).containsOnlyKeys("flake-utils", "nixpkgs", "systems");
    LockNode nixpkgs = lock.node("nixpkgs").orElseThrow();
    assertThat(nixpkgs.position()).isEqualTo(new JsonPosition(23, 5));
    assertThat(nixpkgs.originalPosition()).isEqualTo(new JsonPosition(32, 7));
    assertThat(nixpkgs.lastModifiedPosition()).contains(new JsonPosition(25, 9));
    assertThat(nixpkgs.lastModified()).contains(Instant.ofEpochSecond(1735834308));
    assertThat(nixpkgs.originalRef().repository().orElseThrow().ref()).contains("nixos-24.11");
    assertThat(lock.root().inputs().get("nixpkgs").position()).isEqualTo(new JsonPosition(42, 9));
  }

  @Test
  void followsEntriesResolveFromTheRoot() {
    FlakeLock lock = ((FlakeLockResult.Read) FlakeLockReader.read(LOCK)).lock();
    LockInput systems = lock.node("flake-utils").orElseThrow().inputs().get("systems");
    assertThat(systems.isFollows()).isTrue();
    assertThat(systems.follows()).containsExactly("systems");
    assertThat(lock.resolve(systems).map(LockNode::name)).contains("systems");
    assertThat(lock.follow(List.of("flake-utils", "systems")).map(LockNode::name)).contains("systems");
    assertThat(lock.follow(List.of("nope"))).isEmpty();
  }

  @Test
  void aFollowsCycleResolvesToNothing() {
    String cyclic = """
        {"nodes": {"root": {"inputs": {"a": ["b"], "b": ["a"]}}}, "root": "root", "version": 7}""";
    FlakeLock lock = ((FlakeLockResult.Read) FlakeLockReader.read(cyclic)).lock();
    assertThat(lock.resolve(lock.root().inputs().get("a"))).isEmpty();
  }

  @Test
  void aLockedPathWithoutTimeHasNoLastModifiedAndKeepsThePositionOfLocked() {
    String store = """
        {"nodes": {
          "nixpkgs": {"locked": {"lastModified": 0, "path": "/nix/store/x-source", "type": "path"},
                      "original": {"id": "nixpkgs", "type": "indirect"}},
          "root": {"inputs": {"nixpkgs": "nixpkgs"}}},
         "root": "root", "version": 7}""";
    LockNode nixpkgs = ((FlakeLockResult.Read) FlakeLockReader.read(store)).lock().node("nixpkgs").orElseThrow();
    assertThat(nixpkgs.locked()).containsEntry("lastModified", "0");
    assertThat(nixpkgs.lastModified()).isEmpty();
    assertThat(nixpkgs.lockedPosition()).isEqualTo(new JsonPosition(2, 15));
  }

  @Test
  void anInputThatFollowsAnotherInputsIsUpdatedThroughThatInput() {
    String following = """
        {"nodes": {
          "hf": {"inputs": {"nixpkgs": "nixpkgs"}, "locked": {"type": "github", "owner": "h", "repo": "hf"},
                 "original": {"type": "github", "owner": "h", "repo": "hf"}},
          "nixpkgs": {"locked": {"type": "github", "owner": "NixOS", "repo": "nixpkgs"},
                      "original": {"type": "github", "owner": "NixOS", "repo": "nixpkgs"}},
          "root": {"inputs": {"hf": "hf", "alias": ["hf"], "nixpkgs": ["hf", "nixpkgs"],
                              "chained": ["alias", "nixpkgs"], "loop": ["loop", "x"]}}},
         "root": "root", "version": 7}""";
    FlakeLock lock = ((FlakeLockResult.Read) FlakeLockReader.read(following)).lock();
    Map<String, LockInput> inputs = lock.root().inputs();
    assertThat(lock.updatedBy(inputs.get("hf"))).isEqualTo("hf");
    assertThat(lock.updatedBy(inputs.get("nixpkgs"))).isEqualTo("hf");
    assertThat(lock.updatedBy(inputs.get("chained"))).isEqualTo("hf");
    assertThat(lock.updatedBy(inputs.get("loop"))).isEqualTo("loop");
  }

  static Stream<Arguments> notLockFiles() {
    return Stream.of(
        Arguments.of("empty", "", 1, 1, "flake.lock is empty"),
        Arguments.of("truncated", "{\"nodes\": {", 1, 12, "not valid JSON"),
        Arguments.of("comment", "{\"version\": 7 // seven\n}", 1, 15, "not valid JSON"),
        Arguments.of("trailing comma", "{\"version\": 7,}", 1, 15, "not valid JSON"),
        Arguments.of("trailing content", "{} {}", 1, 4, "content after"),
        Arguments.of("not an object", "[1]", 1, 1, "flake.lock must be an object"),
        Arguments.of("no version", "{\"root\": \"root\", \"nodes\": {}}", 1, 1, "has no \"version\""),
        Arguments.of("old version", "{\"version\": 4, \"root\": \"root\", \"nodes\": {}}", 1, 13, "unsupported version 4"),
        Arguments.of("string version", "{\"version\": \"7\"}", 1, 13, "must be an integer"),
        Arguments.of("no root", "{\"version\": 7, \"nodes\": {}}", 1, 1, "has no \"root\""),
        Arguments.of("root not a node", "{\"version\": 7, \"root\": \"r\", \"nodes\": {}}", 1, 24, "root node 'r'"),
        Arguments.of("nodes not object", "{\"version\": 7, \"root\": \"r\", \"nodes\": []}", 1, 38, "\"nodes\" must be an object"),
        Arguments.of("node without locked", "{\"version\": 7, \"root\": \"r\", \"nodes\": {\"r\": {}, \"x\": {\"original\": {\"type\": \"indirect\"}}}}", 1, 53, "node 'x' has no \"locked\""),
        Arguments.of("input to missing node", "{\"version\": 7, \"root\": \"r\", \"nodes\": {\"r\": {\"inputs\": {\"a\": \"gone\"}}}}", 1, 56, "names node 'gone'"),
        Arguments.of("input of wrong kind", "{\"version\": 7, \"root\": \"r\", \"nodes\": {\"r\": {\"inputs\": {\"a\": 3}}}}", 1, 61, "must be a node name or a follows path"),
        Arguments.of("original without type", "{\"version\": 7, \"root\": \"r\", \"nodes\": {\"r\": {}, \"x\": {\"original\": {}, \"locked\": {\"type\": \"a\"}}}}", 1, 66, "has no \"type\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notLockFiles")
  void rejectsWhatIsNotALockFile(String name, String text, int line, int column, String message) {
    FlakeLockResult result = FlakeLockReader.read(text);
    assertThat(result).isInstanceOf(FlakeLockResult.Rejected.class);
    FlakeLockResult.Rejected rejected = (FlakeLockResult.Rejected) result;
    assertThat(rejected.message()).contains(message);
    assertThat(rejected.position()).isEqualTo(new JsonPosition(line, column));
  }

  @Test
  void deepNestingIsRejectedNotOverflowed() {
    String deep = "[".repeat(100_000);
    FlakeLockResult result = FlakeLockReader.read(deep);
    assertThat(result).isInstanceOf(FlakeLockResult.Rejected.class);
  }
}
