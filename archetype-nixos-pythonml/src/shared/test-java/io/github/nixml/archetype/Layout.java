package io.github.nixml.archetype;

/** The two project layouts, one per archetype module; the module under test names its own. */
enum Layout {
  LD_PATH("ld-path", "archetype-nixos-pythonml"),
  FHS("fhs", "archetype-fhs");

  final String id;
  final String archetypeArtifactId;

  Layout(String id, String archetypeArtifactId) {
    this.id = id;
    this.archetypeArtifactId = archetypeArtifactId;
  }

  /** The layout of the module whose tests are running (set by its pom). */
  static Layout current() {
    String id = System.getProperty("nixml.archetype.layout");
    for (Layout layout : values()) {
      if (layout.id.equals(id)) {
        return layout;
      }
    }
    throw new IllegalStateException("system property nixml.archetype.layout must be ld-path or fhs, was " + id);
  }
}
