package org.gridaid.helprequest;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.gridaid.shared.engine.FormVariables;
import org.springframework.stereotype.Component;

/** 人工指定网格: the operator names the grid of an address the register could not match. */
@Component("pickGridTask")
class PickGridTask extends HelpRequestTaskListener {

  private final GridChoices grids;

  PickGridTask(HelpRequestService service, GridChoices grids) {
    super(service);
    this.grids = grids;
  }

  @Override
  protected void created(DelegateTask task, long id) {
    super.created(task, id);
    grids.offer(task);
  }

  @Override
  protected void completed(DelegateTask task, long id, String actor) {
    String grid = FormVariables.read(HelpRequestProcess.Forms.PICKED_GRID_CODE, task);
    HelpRequestProcess.setRouting(task.getExecution(), service.assignGrid(id, grid, actor));
  }
}
