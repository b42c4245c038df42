package io.github.nixml.validate;

/** What the user says about CUDA. */
public enum CudaMode {
  /** Check CUDA entries where the flake uses CUDA. */
  AUTO("auto"),
  /** CUDA entries must be present. */
  REQUIRED("required"),
  /** CUDA entries must not be present. */
  OFF("off");

  private final String id;

  CudaMode(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** @throws IllegalArgumentException naming the accepted values */
  public static CudaMode parse(String text) {
    return Choices.parse(CudaMode.class, "cuda", text);
  }

  @Override
  public String toString() {
    return id;
  }
}
