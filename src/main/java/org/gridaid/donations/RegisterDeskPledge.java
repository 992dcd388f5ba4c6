package org.gridaid.donations;

import static org.gridaid.donations.GoodsPledgeProcess.StartForm.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gridaid.shared.engine.EngineUsers;
import org.gridaid.shared.engine.FormVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 登记认捐. A donor phoned in a pledge of goods, which the desk records in Tasklist's start form
 * (record-pledge.form): the pledge is stored from the form, which is then removed from the
 * process (the donor's details live encrypted in the pledge).
 */
@Component("registerDeskPledge")
class RegisterDeskPledge extends DeskStartForm {

  private static final Logger log = LoggerFactory.getLogger(RegisterDeskPledge.class);

  private final PledgeService pledges;

  RegisterDeskPledge(PledgeService pledges) {
    super(Map.of(APPEAL_ID.getName(), "物资呼吁编号", DONOR_NAME.getName(), "捐赠人", DONOR_PHONE.getName(), "联系电话",
        ANONYMOUS.getName(), "匿名捐赠", QUANTITY.getName(), "认捐数量", SITE_CODE.getName(), "送达点编码",
        PROMISED_ON.getName(), "约定送达日期"), APPEAL_ID.getName());
    this.pledges = pledges;
  }

  @Override
  void record(DelegateExecution execution) {
    StartFormValues values = new StartFormValues(execution);
    Long appealId = values.required(APPEAL_ID, values.whole(APPEAL_ID));
    NewPledge command = new NewPledge(FormVariables.read(DONOR_NAME, execution),
        FormVariables.read(DONOR_PHONE, execution), values.yesOrNo(ANONYMOUS),
        values.count(QUANTITY), FormVariables.read(SITE_CODE, execution), values.day(PROMISED_ON));
    values.orThrow();
    Pledge pledge = pledges.pledgeFromStartForm(appealId, command,
        EngineUsers.current(execution, INITIATOR.from(execution).getOrNull()));
    execution.removeVariables(NAMES);
    execution.setProcessBusinessKey(GoodsPledgeProcess.businessKey(pledge.id()));
    execution.setVariables(pledges.processVariables(pledge));
    log.info("Pledge {} recorded at the desk in Tasklist", pledge.id());
  }
}
