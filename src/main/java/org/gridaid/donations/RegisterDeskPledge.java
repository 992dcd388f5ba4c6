package org.gridaid.donations;

import static org.gridaid.donations.GoodsPledgeProcess.StartForm.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridaid.shared.engine.EngineUsers;
import org.gridaid.shared.engine.FormRefused;
import org.gridaid.shared.engine.FormVariables;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 登记认捐. The desk's start form in Tasklist: a donor phoned in a pledge of goods. The pledge is
 * recorded from the form, which is then removed from the process (the donor's details live
 * encrypted in the pledge). A pledge made over REST was stored before its start: nothing to do.
 */
@Component("registerDeskPledge")
class RegisterDeskPledge implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(RegisterDeskPledge.class);
  static final Map<String, String> LABELS = Map.of(APPEAL_ID.getName(), "物资呼吁编号", DONOR_NAME.getName(), "捐赠人",
      DONOR_PHONE.getName(), "联系电话", ANONYMOUS.getName(), "匿名捐赠", QUANTITY.getName(), "认捐数量",
      SITE_CODE.getName(), "送达点编码", PROMISED_ON.getName(), "约定送达日期");

  private final PledgeService pledges;

  RegisterDeskPledge(PledgeService pledges) {
    this.pledges = pledges;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (execution.getProcessBusinessKey() != null) {
      return;
    }
    try {
      StartFormValues values = new StartFormValues(execution);
      Long appealId = values.required(APPEAL_ID, values.whole(APPEAL_ID));
      Long quantity = values.whole(QUANTITY);
      NewPledge command = new NewPledge(FormVariables.read(DONOR_NAME, execution),
          FormVariables.read(DONOR_PHONE, execution), values.yesOrNo(ANONYMOUS),
          quantity == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, quantity)),
          FormVariables.read(SITE_CODE, execution), values.day(PROMISED_ON));
      values.orThrow();
      Pledge pledge = pledges.pledgeFromStartForm(appealId, command,
          EngineUsers.current(execution, INITIATOR.from(execution).getOrNull()));
      execution.removeVariables(NAMES);
      execution.setProcessBusinessKey(GoodsPledgeProcess.businessKey(pledge.id()));
      execution.setVariables(pledges.processVariables(pledge));
      log.info("Pledge {} recorded at the desk in Tasklist", pledge.id());
    } catch (InvalidInputException e) {
      throw new FormRefused(e, LABELS);
    } catch (NotFoundException e) {
      throw new FormRefused(new InvalidInputException(APPEAL_ID.getName(), "is not a known appeal"), LABELS);
    } catch (ConflictException e) {
      throw new FormRefused(new InvalidInputException(APPEAL_ID.getName(), "is closed and takes no more pledges"),
          LABELS);
    }
  }
}
