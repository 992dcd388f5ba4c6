package org.gridaid.carepacks;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.gridaid.supplies.SupplyItems;
import org.springframework.stereotype.Component;

/** 备货并交付网格 (warehouse): the grid's packing list; done, every item of it leaves the site. */
@Component("handOverPacksTask")
class HandOverPacksTask extends CarePackTaskListener {

  private final SupplyItems items;
  private final CarePackCampaigns store;

  HandOverPacksTask(CarePackService service, SupplyItems items, CarePackCampaigns store) {
    super(service);
    this.items = items;
    this.store = store;
  }

  @Override
  protected void show(DelegateTask task, long campaignId, CampaignGrid grid) {
    CarePackProcess.PACKING_LIST.on(task).setLocal("发放点 " + grid.siteCode() + ": " + store.lines(campaignId,
            grid.gridCode()).stream().map(l -> items.find(l.itemCode())
            .map(i -> i.name() + " " + l.quantity() + " " + i.unit()).orElse(l.itemCode() + " " + l.quantity()))
        .collect(Collectors.joining("; ")));
  }

  @Override
  protected void completed(DelegateTask task, long id, String actor) {
    service.handOver(id, gridCode(task), actor);
  }
}
