package org.gridaid.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model rules catch each fault they are for (fixtures in src/test/resources/model-fixtures). */
class ProcessModelRulesTests {

  private static final Path FIXTURES = Path.of("src/test/resources/model-fixtures");

  private List<String> faultsOf(String file) throws Exception {
    var rules = new ProcessModelRules(ProcessModelRules.formIdsIn(FIXTURES.resolve("forms")), "knownBean"::equals);
    return rules.check(new File(FIXTURES.resolve("processes").toFile(), file));
  }

  @Test
  void aCompleteModelPasses() throws Exception {
    assertThat(faultsOf("good.bpmn")).isEmpty();
  }

  @Test
  void aModelWithoutLayoutFails() throws Exception {
    assertThat(faultsOf("no-layout.bpmn")).contains("has no diagram layout (bpmndi:BPMNDiagram)")
        .anySatisfy(f -> assertThat(f).contains("userTask 'userTask_recordNote' has no diagram layout"));
  }

  @Test
  void aModelerGeneratedIdFails() throws Exception {
    assertThat(faultsOf("generated-id.bpmn"))
        .containsExactly("startEvent 'Event_0k3x9ab' has a modeler-generated id; give it a meaningful one");
  }

  @Test
  void anIdWithoutThePrefixOfItsTypeFails() throws Exception {
    assertThat(faultsOf("wrong-prefix.bpmn")).containsExactlyInAnyOrder(
        "process 'Fixture_process' needs a lowerCamel id like the file's name (helpRequest)",
        "userTask 'serviceTask_recordNote' must start with userTask_ and a business name",
        "sequenceFlow 'toEnd' must start with flow_ and a business name");
  }

  @Test
  void aFormRefWithoutAFormFails() throws Exception {
    assertThat(faultsOf("missing-form.bpmn")).containsExactly(
        "userTask 'userTask_recordNote' refers to form 'noSuchForm', which no file in forms/ defines");
  }

  @Test
  void aDelegateExpressionWithoutABeanFails() throws Exception {
    assertThat(faultsOf("missing-bean.bpmn")).containsExactly(
        "serviceTask_storeNote uses bean 'noSuchBean' in delegateExpression, and no such bean exists");
  }
}
