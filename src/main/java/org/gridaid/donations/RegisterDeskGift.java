package org.gridaid.donations;

import static org.gridaid.donations.DonationIntakeProcess.StartForm.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridaid.donations.GiftForms.DeskGift;
import org.gridaid.shared.engine.EngineUsers;
import org.gridaid.shared.engine.FormRefused;
import org.gridaid.shared.engine.FormVariables;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.shared.web.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 登记捐款. The desk's start form in Tasklist: the gift is recorded from the form, which is then
 * removed from the process (the donor's details live encrypted in the gift). A gift the desk
 * recorded over REST was stored before its start: nothing to do.
 */
@Component("registerDeskGift")
class RegisterDeskGift implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(RegisterDeskGift.class);
  static final Map<String, String> LABELS = Map.of(APPEAL_ID.getName(), "捐赠呼吁编号", CHANNEL.getName(), "捐款方式",
      AMOUNT.getName(), "金额 (元)", DONOR_NAME.getName(), "捐赠人", DONOR_PHONE.getName(), "联系电话",
      DONOR_ID_NUMBER.getName(), "身份证号", ANONYMOUS.getName(), "匿名捐赠");

  private final GiftService gifts;

  RegisterDeskGift(GiftService gifts) {
    this.gifts = gifts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    if (execution.getProcessBusinessKey() != null) {
      return;
    }
    try {
      StartFormValues values = new StartFormValues(execution);
      DeskGift command = new DeskGift(values.whole(APPEAL_ID), FormVariables.read(CHANNEL, execution),
          values.yuan(AMOUNT), FormVariables.read(DONOR_NAME, execution), FormVariables.read(DONOR_PHONE, execution),
          FormVariables.read(DONOR_ID_NUMBER, execution), values.yesOrNo(ANONYMOUS));
      values.orThrow();
      Gift gift = gifts.recordDeskGift(command,
          EngineUsers.current(execution, INITIATOR.from(execution).getOrNull()));
      execution.removeVariables(NAMES);
      execution.setProcessBusinessKey(DonationIntakeProcess.businessKey(gift.id()));
      execution.setVariables(gifts.intakeVariables(gift));
      log.info("Gift {} recorded at the desk in Tasklist ({} fen), awaiting finance", gift.id(), gift.amountFen());
    } catch (InvalidInputException e) {
      throw new FormRefused(e, LABELS);
    } catch (ConflictException e) {
      throw new FormRefused(new InvalidInputException(APPEAL_ID.getName(), "is closed and takes no more gifts"),
          LABELS);
    }
  }
}
