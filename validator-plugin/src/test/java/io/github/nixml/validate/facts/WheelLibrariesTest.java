package io.github.nixml.validate.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The wheel table against the data it was built from: {@code wheels/wheel-needs-h200.json} in the test resources,
 * a subset (with its provenance) of the shared measurement of 73 real wheels on a CUDA host.
 */
class WheelLibrariesTest {
  private final WheelLibraries table = WheelLibraries.bundled();

  private static JsonNode measured() throws IOException {
    try (InputStream in = WheelLibrariesTest.class.getResourceAsStream("/wheels/wheel-needs-h200.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  @Test
  void everyMeasuredWheelHasARowWhoseLibrariesAreExactlyWhatItsElfFilesNeed() throws IOException {
    JsonNode data = measured();
    assertThat(data.path("provenance").asText()).contains("wheel-needs-h200.json");
    int checked = 0;
    for (JsonNode dist : data.path("distributions")) {
      String name = dist.path("name").asText();
      String version = dist.path("version").asText();
      WheelLibraries.Entry entry = table.of(name, version).orElseThrow(() -> new AssertionError("no row: " + name));
      assertThat(entry.source()).as(name).startsWith("h200: wheel-needs-h200.json " + name + " " + version);
      Set<String> needed = new TreeSet<>();
      for (Iterator<String> names = dist.path("external_needed").fieldNames(); names.hasNext(); ) {
        needed.add(names.next());
      }
      Set<String> listed = new TreeSet<>(entry.needs());
      listed.addAll(entry.optional());
      assertThat(listed).as("needs and optional of %s %s", name, version).isEqualTo(needed);
      assertThat(entry.optional().stream().filter(entry.needs()::contains)).as(name).isEmpty();
      checked++;
    }
    assertThat(checked).isEqualTo(73);
  }

  @Test
  void whatTorchNeedsFromCudaIsShippedByTheMeasuredNvidiaWheels() throws IOException {
    Set<String> shipped = new HashSet<>();
    for (JsonNode dist : measured().path("distributions")) {
      table.of(dist.path("name").asText(), dist.path("version").asText()).ifPresent(e -> shipped.addAll(e.ships()));
    }
    WheelLibraries.Entry torch = table.of("torch", "2.11.0").orElseThrow();
    Set<String> fromHost = new TreeSet<>(torch.needs());
    fromHost.removeAll(shipped);
    // what stays is the GCC runtime and the driver: the host's part
    assertThat(fromHost).containsExactly("libcuda.so.1", "libgcc_s.so.1", "libstdc++.so.6");
    assertThat(table.of("torchvision", "0.26.0").orElseThrow().needs()).contains("libtorch.so");
    assertThat(shipped).contains("libtorch.so", "libcublas.so.13", "libcudnn.so.9");
  }

  @Test
  void opencvNeedsLibGlOnlyWithoutHeadless() {
    assertThat(table.of("opencv-python", "4.11.0.86").orElseThrow().needs()).contains("libGL.so.1",
        "libglib-2.0.so.0", "libgthread-2.0.so.0");
    assertThat(table.of("opencv_python_headless", "4.11.0.86").orElseThrow().needs()).doesNotContain("libGL.so.1");
  }

  @Test
  void versionsPickTheRow() {
    assertThat(table.of("torch", "2.11.0+cu130").orElseThrow().needs()).contains("libcublas.so.13");
    assertThat(table.of("torch", "2.7.1+cu128").orElseThrow().needs())
        .containsExactlyInAnyOrder("libstdc++.so.6", "libgcc_s.so.1");
    assertThat(table.of("torch", "").orElseThrow().needs()).doesNotContain("libcublas.so.13");
    assertThat(table.of("left-pad", "1.0")).isEmpty();
    assertThat(WheelLibraries.VersionPattern.matches("*+cu12*", "2.7.1+cu128")).isTrue();
    assertThat(WheelLibraries.VersionPattern.matches("*+cu12*", "2.7.1+cu130")).isFalse();
    assertThat(WheelLibraries.VersionPattern.matches(">=1.25", "2.0.1")).isTrue();
    assertThat(WheelLibraries.VersionPattern.matches(">=1.25", "1.24.4")).isFalse();
    assertThat(WheelLibraries.VersionPattern.matches("<2", "1.26.4")).isTrue();
  }

  @Test
  void everyLibraryAWheelNeedsIsShippedByAWheelOrHasAProviderOrIsTorchInternal() {
    LibraryProviders providers = LibraryProviders.bundled();
    Set<String> shipped = new HashSet<>();
    table.entries().forEach(e -> shipped.addAll(e.ships()));
    for (WheelLibraries.Entry entry : table.entries()) {
      for (String soname : entry.needs()) {
        assertThat(providers.of(soname).isPresent() || shipped.contains(soname))
            .as("%s needs %s: a provider or a shipping wheel", entry.wheel(), soname).isTrue();
      }
    }
  }
}
