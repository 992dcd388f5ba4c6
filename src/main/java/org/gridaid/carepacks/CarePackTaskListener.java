package org.gridaid.carepacks;

import static org.gridaid.carepacks.CarePackProcess.Forms.HOUSEHOLDS;
import static org.gridaid.carepacks.CarePackProcess.Forms.OPEN_APPEAL;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.gridaid.shared.engine.FormTaskListener;

/**
 * What every task of the campaign does ({@link FormTaskListener}): its form shows the campaign
 * and the grid when it is created.
 */
abstract class CarePackTaskListener extends FormTaskListener {

  private static final Map<String, String> FIELD_LABELS = Map.of(OPEN_APPEAL.getName(), "发起募捐",
      HOUSEHOLDS.getName(), "住户名单");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm")
      .withZone(ZoneId.of("Asia/Shanghai"));

  protected final CarePackService service;

  CarePackTaskListener(CarePackService service) {
    super(FIELD_LABELS, CarePackProcess.Forms.NAMES);
    this.service = service;
  }

  @Override
  protected long caseId(String businessKey) {
    return CarePackProcess.campaignId(businessKey);
  }

  @Override
  protected void created(DelegateTask task, long id) {
    Campaign campaign = service.load(id);
    CampaignGrid grid = service.grid(id, gridCode(task));
    CarePackProcess.CAMPAIGN_SUMMARY.on(task).setLocal("%s · 网格 %s · %d 户 · %s · 截止 %s".formatted(campaign.name(),
        grid.gridCode(), grid.households(), campaign.packTypes().stream().map(PackType::label)
            .collect(Collectors.joining("、")), TIME.format(campaign.deadline())));
    show(task, id, grid);
  }

  /** What the task's form shows beyond the summary. */
  protected abstract void show(DelegateTask task, long campaignId, CampaignGrid grid);

  static String gridCode(DelegateTask task) {
    return CarePackProcess.GRID_CODE.from(task).get();
  }
}
