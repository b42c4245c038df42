package io.github.nixml.validate.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nixml.model.PackageRef;
import io.github.nixml.nix.eval.PlatformGuard;
import io.github.nixml.nix.syntax.SourceSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

class CudaSupportReadersTest {
  private final CudaSupportReaders readers = CudaSupportReaders.bundled();

  private static PackageRef ref(String... attrPath) {
    return new PackageRef(List.of(attrPath), null, PlatformGuard.ALWAYS, new SourceSpan(0, 1, 1, 1));
  }

  @Test
  void sourceBuiltPackagesReadTheConfig() {
    assertThat(readers.of(ref("python311Packages", "torch"))).hasValueSatisfying(reader ->
        assertThat(reader.source()).contains("config.cudaSupport"));
    assertThat(readers.of(ref("python3Packages", "jaxlib"))).isPresent();
    assertThat(readers.of(ref("opencv"))).isPresent();
    assertThat(readers.of(ref("magma"))).isPresent();
  }

  @Test
  void binaryAndCudaOnlyPackagesDoNot() {
    assertThat(readers.of(ref("python311Packages", "torch-bin"))).isEmpty();
    assertThat(readers.of(ref("python311Packages", "torchWithCuda"))).isEmpty();
    assertThat(readers.of(ref("cudaPackages", "cudnn"))).isEmpty();
    assertThat(readers.of(ref("cudatoolkit"))).isEmpty();
    // torch is a Python package, not a top-level attribute; opencv at top level is.
    assertThat(readers.of(ref("torch"))).isEmpty();
    assertThat(readers.size()).isGreaterThan(8);
  }

  @Test
  void aMalformedRowIsRejected() {
    assertThatThrownBy(() -> CudaSupportReaders.parse("torch\tpython\n")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> CudaSupportReaders.parse("torch\tnowhere\tsource\n"))
        .isInstanceOf(IllegalStateException.class);
  }
}
