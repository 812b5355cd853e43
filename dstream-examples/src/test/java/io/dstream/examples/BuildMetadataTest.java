package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Keeps what Maven Central users see in step with the modules: the BOM manages every library module at the
 * build's version, and each module's POM has the name and description that Central requires.
 */
class BuildMetadataTest {
  /** Modules that are not libraries: never published, so not in the BOM. */
  private static final List<String> NOT_PUBLISHED_IN_BOM =
      List.of("dstream-examples", "dstream-benchmarks", "dstream-conformance", "dstream-bom");

  private final Path root = DocSnippetsTest.findRepoRoot(Path.of("").toAbsolutePath());

  @Test
  void theBomManagesEveryLibraryModuleAtTheProjectVersion() throws Exception {
    Document parent = parse(root.resolve("pom.xml"));
    Document bom = parse(root.resolve("dstream-bom/pom.xml"));
    List<String> libraries = new ArrayList<>(texts(parent, "modules", "module"));
    libraries.removeAll(NOT_PUBLISHED_IN_BOM);

    List<String> managed = new ArrayList<>();
    NodeList dependencies = bom.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      assertThat(child(dependency, "version")).as("version of %s in the BOM", child(dependency, "artifactId"))
          .isEqualTo("${project.version}");
      managed.add(child(dependency, "artifactId"));
    }

    assertThat(managed).as("artifacts managed by dstream-bom").containsExactlyInAnyOrderElementsOf(libraries);
    assertThat(child(bom.getDocumentElement(), "version"))
        .as("dstream-bom has no parent, so its version must be kept equal to the parent's by hand")
        .isEqualTo(child(parent.getDocumentElement(), "version"));
  }

  @Test
  void everyModulePomHasTheNameAndDescriptionThatCentralRequires() throws Exception {
    for (String module : texts(parse(root.resolve("pom.xml")), "modules", "module")) {
      Element project = parse(root.resolve(module).resolve("pom.xml")).getDocumentElement();
      assertThat(child(project, "name")).as("<name> of %s", module).isNotBlank();
      assertThat(child(project, "description")).as("<description> of %s", module).isNotBlank();
    }
  }

  private static Document parse(Path pom) throws Exception {
    assertThat(pom).exists();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (var in = Files.newInputStream(pom)) {
      return factory.newDocumentBuilder().parse(in);
    }
  }

  /** The texts of the {@code item} children of the project's {@code list} element. */
  private static List<String> texts(Document pom, String list, String item) {
    List<String> values = new ArrayList<>();
    for (Node node = firstChild(pom.getDocumentElement(), list).getFirstChild(); node != null;
        node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(item)) {
        values.add(element.getTextContent().trim());
      }
    }
    return values;
  }

  /** The text of a direct child element, or null if there is none. */
  private static String child(Element parent, String name) {
    Element element = firstChild(parent, name);
    return element == null ? null : element.getTextContent().trim();
  }

  private static Element firstChild(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }
}
