package org.gridaid.carepacks;

import static org.gridaid.carepacks.CarePackProcess.GRID_STATE;
import static org.gridaid.carepacks.CarePackProcess.OPEN_HOUSEHOLDS;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.gridaid.register.RecipientGroup;
import org.gridaid.supplies.SupplyItems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The street office's 督办 of a grid (supervise-care-packs.form): 网格长逾期未跟进未送达住户 when the
 * grid leader's follow-up is overdue, 发放截止仍未交付网格督办 when the campaign's deadline passed
 * while the grid still waits for stock or its hand-over. What the form shows is read from the
 * module's tables when the task is created, never from what a form wrote; the open households'
 * addresses are kept out of history ({@link CarePackPersonalVariables}). The task takes nothing:
 * the street office acts outside it and completes it, or it ends with the task it supervises.
 */
@Component("superviseCarePacksTask")
class SuperviseCarePacksTask extends CarePackTaskListener {

  private static final Logger log = LoggerFactory.getLogger(SuperviseCarePacksTask.class);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm")
      .withZone(ZoneId.of("Asia/Shanghai"));

  private final SupplyItems items;

  SuperviseCarePacksTask(CarePackService service, SupplyItems items) {
    super(service);
    this.items = items;
  }

  @Override
  protected void show(DelegateTask task, long campaignId, CampaignGrid grid) {
    List<CarePackService.ListedHousehold> open = service.households(campaignId, grid.gridCode(), true);
    if (CarePackProcess.TASK_LEADER_OVERDUE.equals(task.getTaskDefinitionKey())) {
      Date due = CarePackProcess.LEADER_DUE.from(task).getOptional().orElse(null);
      GRID_STATE.on(task).setLocal("%s: 网格长跟进%s已逾期, 仍有 %d 户没有最终结果".formatted(grid.status().label(),
          due == null ? "" : " (截止 " + TIME.format(due.toInstant()) + ")", open.size()));
      OPEN_HOUSEHOLDS.on(task).setLocal(open.stream().map(h -> h.address() + " · "
              + RecipientGroup.valueOf(h.group()).label() + " · " + h.packs().stream().map(PackType::label)
              .collect(Collectors.joining("、")) + " · " + (h.outcome() == null ? "未上门" : h.outcome().label()))
          .collect(Collectors.joining("\n")));
      return;
    }
    String state = switch (grid.status()) {
      case AWAITING_STOCK -> "等待补货: 发放点 " + (grid.siteCode() == null ? "(无可用仓库)" : grid.siteCode()) + " 缺 "
          + grid.shortage().entrySet().stream().map(e -> items.find(e.getKey())
              .map(i -> i.name() + " " + e.getValue() + " " + i.unit()).orElse(e.getKey() + " " + e.getValue()))
          .collect(Collectors.joining("; "));
      case PREPARING -> "仓库备货: 物资已备齐, 尚未交付网格";
      default -> grid.status().label();
    };
    GRID_STATE.on(task).setLocal("发放已截止, " + state);
    OPEN_HOUSEHOLDS.on(task).setLocal("本网格 %d 户尚未发放 (物资未交付网格)".formatted(open.size()));
  }

  @Override
  protected void completed(DelegateTask task, long id, String actor) {
    log.info("Care-pack campaign {}: {} supervised grid {} ({})", id, actor, gridCode(task),
        task.getTaskDefinitionKey());
  }
}
