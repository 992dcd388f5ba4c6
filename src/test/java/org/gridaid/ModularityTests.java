package org.gridaid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;

/**
 * One top-level package per module; modules use each other only through their top-level types
 * (their API) and events. The module diagrams in docs/modules are what Spring Modulith's
 * Documenter writes for the code as it is: {@code -Dgridaid.updateDocs=true} writes them (and
 * the picture docs/architecture.md shows) again after a change.
 */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(GridAidApplication.class);
  static final Path DOCS = Path.of("docs", "modules");
  static final Path WRITTEN = Path.of("target", "spring-modulith-docs");

  @Test
  void modulesDependOnEachOtherOnlyThroughTheirApi() {
    MODULES.verify();
  }

  @Test
  void theModuleDiagramsInTheDocsAreTheCodes() throws IOException {
    // shared is open to every module: left out, it would only add an arrow from each
    DiagramOptions options = DiagramOptions.defaults().withExclusions(ModularityTests::isShared);
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(WRITTEN.toString()))
        .writeModulesAsPlantUml(options).writeIndividualModulesAsPlantUml(options);
    if (Boolean.getBoolean("gridaid.updateDocs")) {
      updateDocs();
    }
    try (var files = Files.list(WRITTEN)) {
      for (Path file : files.sorted().toList()) {
        Path documented = DOCS.resolve(file.getFileName());
        assertThat(documented).as("docs/modules/%s (-Dgridaid.updateDocs=true writes it)", file.getFileName())
            .exists();
        // the Documenter writes the same relations in varying order
        assertThat(Files.readAllLines(documented))
            .as("docs/modules/%s is up to date (-Dgridaid.updateDocs=true)", file.getFileName())
            .containsExactlyInAnyOrderElementsOf(Files.readAllLines(file));
      }
    }
  }

  private static boolean isShared(ApplicationModule module) {
    return module.getBasePackage().getName().endsWith(".shared");
  }

  private static void updateDocs() throws IOException {
    Files.createDirectories(DOCS);
    try (var files = Files.list(DOCS)) {
      for (Path old : files.toList()) {
        Files.delete(old);
      }
    }
    try (var files = Files.list(WRITTEN)) {
      for (Path file : files.toList()) {
        Files.copy(file, DOCS.resolve(file.getFileName()));
      }
    }
    // PlantUML's own Java layout engine: no Graphviz needed
    String diagram = Files.readString(DOCS.resolve("components.puml"))
        .replaceFirst("@startuml\n", "@startuml\n!pragma layout smetana\n");
    try (OutputStream svg = Files.newOutputStream(DOCS.resolve("components.svg"))) {
      new SourceStringReader(diagram).outputImage(svg, new FileFormatOption(FileFormat.SVG));
    }
  }
}
