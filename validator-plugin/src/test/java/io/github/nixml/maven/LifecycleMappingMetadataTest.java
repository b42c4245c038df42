package io.github.nixml.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The plugin tells m2e how to treat nixml:validate, so IDEs do not flag the execution the archetypes bind. */
class LifecycleMappingMetadataTest {

  @Test
  void validateRunsOnFullBuildsOnly() throws Exception {
    Document xml;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/m2e/lifecycle-mapping-metadata.xml")) {
      assertThat(in).isNotNull();
      xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }
    var xpath = XPathFactory.newInstance().newXPath();
    String execution = "/lifecycleMappingMetadata/pluginExecutions/pluginExecution";
    assertThat(xpath.evaluate(execution + "/pluginExecutionFilter/goals/goal", xml)).isEqualTo("validate");
    assertThat(xpath.evaluate(execution + "/action/execute/runOnIncremental", xml)).isEqualTo("false");
  }
}
