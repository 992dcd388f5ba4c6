package org.gridaid.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.gridaid.test.GridAidTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Every BPMN and DMN file in processes/ opens cleanly in Modeler and refers only to what exists. */
@GridAidTest
class ProcessModelTests {

  @Autowired
  ApplicationContext context;

  @TestFactory
  Stream<DynamicTest> everyModelInProcesses() throws Exception {
    var rules = new ProcessModelRules(ProcessModelRules.formIdsIn(Path.of("forms")), context::containsBean);
    return modelFiles().map(file -> DynamicTest.dynamicTest(file.getName(),
        () -> assertThat(rules.check(file)).as(file.getName()).isEmpty()));
  }

  static Stream<File> modelFiles() throws Exception {
    Path processes = Path.of("processes");
    if (!Files.isDirectory(processes)) {
      return Stream.empty();
    }
    return Files.walk(processes)
        .filter(p -> p.toString().endsWith(".bpmn") || p.toString().endsWith(".dmn"))
        .sorted()
        .map(Path::toFile)
        .toList().stream();
  }
}
