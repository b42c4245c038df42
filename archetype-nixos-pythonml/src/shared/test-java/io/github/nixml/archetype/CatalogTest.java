package io.github.nixml.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The corporate catalog the build writes (archetype-nixos-pythonml's target/catalog) lists both archetypes. Only
 * archetype-nixos-pythonml builds it, so archetype-fhs excludes this test.
 */
class CatalogTest {

  private static final String NAMESPACE =
      "http://maven.apache.org/plugins/maven-archetype-plugin/archetype-catalog/1.0.0";

  @Test
  void listsBothArchetypesAtThisVersion() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document catalog = factory.newDocumentBuilder()
        .parse(Path.of(System.getProperty("nixml.archetype.catalog")).toFile());

    assertThat(catalog.getDocumentElement().getNamespaceURI()).isEqualTo(NAMESPACE);
    assertThat(catalog.getDocumentElement().getLocalName()).isEqualTo("archetype-catalog");
    List<String> listed = new ArrayList<>();
    NodeList archetypes = catalog.getElementsByTagNameNS(NAMESPACE, "archetype");
    for (int i = 0; i < archetypes.getLength(); i++) {
      Element archetype = (Element) archetypes.item(i);
      listed.add(text(archetype, "groupId") + ":" + text(archetype, "artifactId") + ":" + text(archetype, "version"));
      assertThat(text(archetype, "description")).isNotBlank();
    }
    String version = System.getProperty("nixml.archetype.version");
    assertThat(listed).containsExactly(
        "io.github.nixml:" + Layout.LD_PATH.archetypeArtifactId + ":" + version,
        "io.github.nixml:" + Layout.FHS.archetypeArtifactId + ":" + version);
  }

  private static String text(Element parent, String child) {
    NodeList nodes = parent.getElementsByTagNameNS(NAMESPACE, child);
    assertThat(nodes.getLength()).as(child).isEqualTo(1);
    return nodes.item(0).getTextContent().trim();
  }
}
