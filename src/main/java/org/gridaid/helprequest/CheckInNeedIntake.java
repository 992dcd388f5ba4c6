package org.gridaid.helprequest;

import org.gridaid.checkin.CheckInNeedReported;
import org.gridaid.checkin.CheckInNeeds;
import org.gridaid.register.Residents;
import org.gridaid.register.Vulnerability;
import org.gridaid.shared.Sha256;
import org.gridaid.shared.validation.EnumCodeValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A need heard on a daily check-in call becomes a help request for that grid, channel
 * DAILY_CHECK_IN, through the same intake as a call. Runs after the check-in committed, in a
 * transaction of its own; until it succeeds the event stays in the publication registry and is
 * sent again, and sending it again files nothing twice (the entry is the idempotency key).
 */
@Component
class CheckInNeedIntake {

  private static final Logger log = LoggerFactory.getLogger(CheckInNeedIntake.class);

  private final CheckInNeeds checkIns;
  private final Residents residents;
  private final HelpRequestService service;

  CheckInNeedIntake(CheckInNeeds checkIns, Residents residents, HelpRequestService service) {
    this.checkIns = checkIns;
    this.residents = residents;
    this.service = service;
  }

  @ApplicationModuleListener
  void on(CheckInNeedReported reported) {
    String need = checkIns.need(reported.entryId()).orElseThrow(() -> new IllegalStateException(
        "Check-in entry " + reported.entryId() + " has no need recorded"));
    var person = residents.contact(reported.personId()).orElseThrow(() -> new IllegalStateException(
        "Person " + reported.personId() + " is not in the register"));
    if (person.phone() == null) {
      // kept and sent again: it is filed once somebody adds a phone to the person or household
      throw new IllegalStateException("Check-in need of entry " + reported.entryId() + ": person "
          + reported.personId() + " has no phone in the register (nor their household), so the hotline"
          + " cannot call back; add one and the need is filed on the next retry");
    }
    var form = new NewHelpRequest(person.name(), person.phone(), person.address(), null, reported.gridCode(),
        category(reported.category()).name(), "每日随访发现: " + need,
        person.name(), person.flags().stream().map(Vulnerability::name).toList(), Channel.DAILY_CHECK_IN.name());
    var filed = service.submit(form, reported.reportedBy(), "check-in-entry-" + reported.entryId(),
        Sha256.hex(reported.toString()));
    checkIns.helpRequestFiled(reported.entryId(), filed.request().id());
    log.info("Check-in entry {} filed as help request {}", reported.entryId(), filed.request().id());
  }

  /**
   * The category the worker chose; one the hotline does not know (a form of another version)
   * files the need as OTHER rather than never.
   */
  private static Category category(String code) {
    Category category = EnumCodeValidator.find(Category.class, code);
    return category == null ? Category.OTHER : category;
  }
}
