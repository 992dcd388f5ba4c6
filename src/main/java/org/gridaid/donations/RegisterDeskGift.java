package org.gridaid.donations;

import static org.gridaid.donations.DonationIntakeProcess.StartForm.*;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gridaid.donations.GiftForms.DeskGift;
import org.gridaid.shared.engine.EngineUsers;
import org.gridaid.shared.engine.FormVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 登记捐款. Cash or a bank transfer the desk records in Tasklist's start form (record-donation.form):
 * the gift is stored from the form, which is then removed from the process (the donor's details
 * live encrypted in the gift).
 */
@Component("registerDeskGift")
class RegisterDeskGift extends DeskStartForm {

  private static final Logger log = LoggerFactory.getLogger(RegisterDeskGift.class);

  private final GiftService gifts;

  RegisterDeskGift(GiftService gifts) {
    super(Map.of(APPEAL_ID.getName(), "捐赠呼吁编号", CHANNEL.getName(), "捐款方式", AMOUNT.getName(), "金额 (元)",
        DONOR_NAME.getName(), "捐赠人", DONOR_PHONE.getName(), "联系电话", DONOR_ID_NUMBER.getName(), "身份证号",
        ANONYMOUS.getName(), "匿名捐赠"), APPEAL_ID.getName());
    this.gifts = gifts;
  }

  @Override
  void record(DelegateExecution execution) {
    StartFormValues values = new StartFormValues(execution);
    DeskGift command = new DeskGift(values.whole(APPEAL_ID), FormVariables.read(CHANNEL, execution),
        values.yuan(AMOUNT), FormVariables.read(DONOR_NAME, execution), FormVariables.read(DONOR_PHONE, execution),
        FormVariables.read(DONOR_ID_NUMBER, execution), values.yesOrNo(ANONYMOUS));
    values.orThrow();
    Gift gift = gifts.recordDeskGift(command, EngineUsers.current(execution, INITIATOR.from(execution).getOrNull()));
    execution.removeVariables(NAMES);
    execution.setProcessBusinessKey(DonationIntakeProcess.businessKey(gift.id()));
    execution.setVariables(gifts.intakeVariables(gift));
    log.info("Gift {} recorded at the desk in Tasklist ({} fen), awaiting finance", gift.id(), gift.amountFen());
  }
}
