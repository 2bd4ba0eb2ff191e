package io.gramian.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The build's publishing contract, read from the POMs themselves: the BOM manages exactly the
 * library artifacts (every jar module that is deployed) at the project's version, every module says
 * what it is, and a packaged library carries its sources and Javadoc jars.
 */
class BillOfMaterialsTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static final Path BOM = ROOT.resolve("estimation/bom/pom.xml");

  @Test
  void bomManagesEveryLibraryAtTheProjectVersion() throws Exception {
    Element root = read(ROOT.resolve("pom.xml"));
    Element bom = read(BOM);
    assertEquals(text(root, "version"), text(bom, "version"), "the BOM's version");
    assertEquals("pom", text(bom, "packaging"));

    List<String> managed = new ArrayList<>();
    Element management = child(bom, "dependencyManagement");
    for (Element d : children(child(management, "dependencies"), "dependency")) {
      assertEquals("io.gramian", text(d, "groupId"));
      assertEquals("${project.version}", text(d, "version"), text(d, "artifactId"));
      managed.add(text(d, "artifactId"));
    }
    assertEquals(new ArrayList<>(libraries().keySet()), managed.stream().sorted().toList());
  }

  @Test
  void everyModuleHasANameAndADescription() throws Exception {
    for (String module : modules()) {
      Element pom = read(ROOT.resolve(module).resolve("pom.xml"));
      assertFalse(text(pom, "name").isBlank(), module + " has no name");
      assertFalse(text(pom, "description").isBlank(), module + " has no description");
    }
    Element root = read(ROOT.resolve("pom.xml"));
    assertEquals("Apache-2.0", text(child(child(root, "licenses"), "license"), "name"));
    assertTrue(Files.readString(ROOT.resolve("LICENSE")).contains("Apache License"));
  }

  @Test
  void aPackagedLibraryHasItsSourcesAndJavadoc() throws Exception {
    for (Map.Entry<String, String> library : libraries().entrySet()) {
      Path target = ROOT.resolve(library.getValue()).resolve("target");
      String base = library.getKey() + "-" + text(read(ROOT.resolve("pom.xml")), "version");
      Path jar = target.resolve(base + ".jar");
      assumeTrue(Files.exists(jar), "not packaged: " + jar);
      assertTrue(Files.exists(target.resolve(base + "-sources.jar")), base + "-sources.jar");
      assertTrue(Files.exists(target.resolve(base + "-javadoc.jar")), base + "-javadoc.jar");
    }
  }

  /** Library artifactId → module folder: jar modules of the reactor that are deployed. */
  private static Map<String, String> libraries() throws Exception {
    Map<String, String> libraries = new TreeMap<>();
    for (String module : modules()) {
      Element pom = read(ROOT.resolve(module).resolve("pom.xml"));
      String packaging = text(pom, "packaging");
      Element properties = child(pom, "properties");
      boolean deployed =
          properties == null || !"true".equals(text(properties, "maven.deploy.skip"));
      if ((packaging.isEmpty() || packaging.equals("jar")) && deployed) {
        libraries.put(text(pom, "artifactId"), module);
      }
    }
    return libraries;
  }

  private static List<String> modules() throws Exception {
    List<String> modules = new ArrayList<>();
    for (Element m : children(child(read(ROOT.resolve("pom.xml")), "modules"), "module")) {
      modules.add(m.getTextContent().trim());
    }
    return modules;
  }

  private static Element read(Path pom) throws Exception {
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    return doc.getDocumentElement();
  }

  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element e && e.getTagName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The text of a direct child, "" when there is none. */
  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? "" : e.getTextContent().trim();
  }
}
