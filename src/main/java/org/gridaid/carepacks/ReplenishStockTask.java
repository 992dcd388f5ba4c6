package org.gridaid.carepacks;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.gridaid.shared.engine.FormVariables;
import org.gridaid.supplies.SupplyItems;
import org.springframework.stereotype.Component;

/**
 * 补足物资缺口 (warehouse): the grid's exact shortage at its site. Done once stock came in (the
 * step after it checks again); 发起募捐 also opens a donation appeal for the shortage, less what
 * the grid's earlier appeals still bring ({@link CarePackService#appealForShortage}).
 */
@Component("replenishStockTask")
class ReplenishStockTask extends CarePackTaskListener {

  private final SupplyItems items;

  ReplenishStockTask(CarePackService service, SupplyItems items) {
    super(service);
    this.items = items;
  }

  @Override
  protected void show(DelegateTask task, long campaignId, CampaignGrid grid) {
    CarePackProcess.SHORTAGE.on(task).setLocal("发放点 " + (grid.siteCode() == null ? "(无可用仓库)" : grid.siteCode())
        + " 缺: " + grid.shortage().entrySet().stream().map(e -> items.find(e.getKey())
            .map(i -> i.name() + " " + e.getValue() + " " + i.unit()).orElse(e.getKey() + " " + e.getValue()))
        .collect(Collectors.joining("; ")));
  }

  @Override
  protected void completed(DelegateTask task, long id, String actor) {
    if (Boolean.TRUE.equals(FormVariables.readYesOrNo(CarePackProcess.Forms.OPEN_APPEAL, task))) {
      service.appealForShortage(id, gridCode(task), actor);
    }
  }
}
