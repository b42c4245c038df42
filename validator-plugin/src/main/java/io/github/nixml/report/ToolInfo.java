package io.github.nixml.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Name, version and home of the tool, as the machine-readable reports state them. */
public record ToolInfo(String name, String version, String informationUri) {

  public static final String NAME = "nixml";
  public static final String INFORMATION_URI = "https://github.com/nixml/nixml";

  /** This build's version, from the Maven metadata packaged in the plugin jar ("unknown" when run from classes). */
  public static ToolInfo current() {
    String version = "unknown";
    try (InputStream in = ToolInfo.class.getResourceAsStream(
        "/META-INF/maven/io.github.nixml/nixml-maven-plugin/pom.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        version = properties.getProperty("version", version);
      }
    } catch (IOException e) {
      // keep "unknown": the version is informative only
    }
    return new ToolInfo(NAME, version, INFORMATION_URI);
  }
}
