package org.gridaid.shared.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyEntity;
import org.gridaid.test.GridAidTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Rows with a usable id are written; one with the reserved id is refused, described as the engine does. */
@GridAidTest
class EntityIdCheckTests {

  @Autowired
  ProcessEngine engine;

  @Test
  void aRowWithTheReservedIdIsRefusedWithTheEnginesMessageAndOthersAreWritten() {
    CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();

    assertThatThrownBy(() -> commands.execute(context -> {
      context.getDbEntityManager().insert(new PropertyEntity("*", "reserved"));
      return null;
    })).isInstanceOf(ProcessEngineException.class).hasMessageContaining("PropertyEntity").hasMessageContaining("*");

    commands.execute(context -> {
      context.getDbEntityManager().insert(new PropertyEntity("gridaid.entity-id-check", "written"));
      return null;
    });
    assertThat(engine.getManagementService().getProperties()).containsEntry("gridaid.entity-id-check", "written");
    engine.getManagementService().deleteProperty("gridaid.entity-id-check");
  }
}
