package org.gridaid.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.gridaid.test.GridAidTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The top-level processes/ and forms/ folders are packed into the jar and deployed at start. */
@GridAidTest
class DeploymentTests {

  @Autowired
  RepositoryService repository;
  @Autowired
  ProcessEngineConfiguration engine;

  @Test
  void everyProcessDecisionAndFormIsDeployed() throws Exception {
    List<String> deployed = repository.createDeploymentQuery().deploymentName("grid-aid").list().stream()
        .flatMap(d -> repository.getDeploymentResources(d.getId()).stream())
        .map(Resource::getName)
        .toList();
    for (String file : topLevelFiles("processes", ".bpmn", ".dmn")) {
      assertThat(deployed).as("deployed resources").anySatisfy(name -> assertThat(name).endsWith(file));
    }
    for (String file : topLevelFiles("forms", ".form")) {
      assertThat(deployed).as("deployed resources").anySatisfy(name -> assertThat(name).endsWith(file));
    }
  }

  @Test
  void onlyChangedResourcesAreRedeployed() {
    var spring = (SpringProcessEngineConfiguration) engine;
    assertThat(spring.isDeployChangedOnly()).isTrue();
    assertThat(spring.getDeploymentName()).isEqualTo("grid-aid");
  }

  @Test
  void decisionTablesRememberTheirLiteralCells() {
    var spring = (SpringProcessEngineConfiguration) engine;
    assertThat(spring.getDmnEngineConfiguration().getFeelEngine().getClass().getSimpleName())
        .isEqualTo("LiteralFeelCache");
  }

  private static List<String> topLevelFiles(String folder, String... suffixes) throws Exception {
    Path root = Path.of(folder);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> Stream.of(suffixes).anyMatch(s -> p.toString().endsWith(s)))
          .map(p -> folder + "/" + root.relativize(p).toString().replace('\\', '/'))
          .toList();
    }
  }
}
