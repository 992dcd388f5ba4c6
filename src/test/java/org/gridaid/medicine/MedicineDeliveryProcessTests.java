package org.gridaid.medicine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.gridaid.medicine.MedicineDeliveryProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.gridaid.messaging.MessageOwner;
import org.gridaid.messaging.TextMessage;
import org.gridaid.messaging.TextMessages;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.supplies.Receipt;
import org.gridaid.test.PendingJobs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The medicine-delivery process with its tasks worked and its timers fired as jobs. */
class MedicineDeliveryProcessTests extends MedicineScenario {

  @Autowired
  TextMessages messages;

  @Test
  void overTheCounterMedicineIsReservedAtTheStreetsPharmacyAndOfferedToItsVolunteers() {
    int before = stock(LILE_PHARMACY, IBUPROFEN).reserved();

    long id = request(line(IBUPROFEN, 2));

    MedicineDelivery delivery = delivery(id);
    assertThat(delivery.status()).isEqualTo(DeliveryStatus.RESERVED);
    assertThat(delivery.lines()).singleElement().satisfies(line -> {
      assertThat(line.siteCode()).as("the pharmacy of the recipient's street").isEqualTo(LILE_PHARMACY);
      assertThat(line.decision()).isEqualTo(LineDecision.NOT_NEEDED);
    });
    assertThat(stock(LILE_PHARMACY, IBUPROFEN).reserved()).isEqualTo(before + 2);
    assertThat(task(id, TASK_PICK_UP)).hasCandidateGroup("volunteer-" + LILE);
    assertThat(timer(id, TIMER_COLD_CHAIN)).as("nothing cold to watch").isNull();
    assertThat(messages.of(new MessageOwner("MEDICINE_DELIVERY", id))).extracting(TextMessage::kind)
        .containsExactly("REQUESTED", "RESERVED");
    assertThat(messages.of(new MessageOwner("MEDICINE_DELIVERY", id)).get(0).body())
        .as("the recipient is told the code to show at the door").contains(delivery.confirmationCode());
  }

  @Test
  void aPrescriptionLineWaitsForTheMedicalTeamOrThePharmacyWhoAnswerEveryLine() {
    long id = request(line(NIFEDIPINE, 3), line(IBUPROFEN, 1));
    assertThat(delivery(id).status()).isEqualTo(DeliveryStatus.AWAITING_PRESCRIPTION);
    var check = task(id, TASK_CHECK_PRESCRIPTION);
    assertThat(check).hasCandidateGroup("medical-team").hasCandidateGroup("pharmacy");
    String rows = (String) tasks.getVariableLocal(check.getId(), "prescriptionLines").toString();
    assertThat(rows).as("only the prescription line is asked about").contains("\"lineNo\":1").doesNotContain("\"lineNo\":2");

    assertThatThrownBy(() -> complete(id, TASK_CHECK_PRESCRIPTION,
        Map.of("prescriptionLines", "[{\"lineNo\": 1}]")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("prescriptionLines[0].decision");
    assertThatThrownBy(() -> complete(id, TASK_CHECK_PRESCRIPTION,
        Map.of("prescriptionLines", "[{\"lineNo\": 1, \"decision\": \"CHANGED\", \"reason\": \"一次最多两盒\"}]")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("approvedQuantity");
    assertThat(delivery(id).status()).as("nothing was written").isEqualTo(DeliveryStatus.AWAITING_PRESCRIPTION);

    complete(id, TASK_CHECK_PRESCRIPTION, Map.of("prescriptionLines",
        "[{\"lineNo\": 1, \"decision\": \"CHANGED\", \"approvedQuantity\": 2, \"reason\": \"一次最多两盒\"}]"));

    MedicineDelivery delivery = delivery(id);
    assertThat(delivery.status()).isEqualTo(DeliveryStatus.RESERVED);
    assertThat(delivery.lines()).extracting(DeliveryLine::toDeliver).containsExactly(2, 1);
    assertThat(delivery.lines().get(0).decidedBy()).isNotNull();
  }

  @Test
  void whenEveryPrescriptionIsRefusedTheDeliveryEndsAndNothingIsReserved() {
    int before = stock(LILE_PHARMACY, NIFEDIPINE).reserved();
    long id = request(line(NIFEDIPINE, 3));

    complete(id, TASK_CHECK_PRESCRIPTION, Map.of("prescriptionLines",
        "[{\"lineNo\": 1, \"decision\": \"REFUSED\", \"reason\": \"需面诊后重新开方\"}]"));

    assertThat(delivery(id).status()).isEqualTo(DeliveryStatus.REFUSED);
    assertThat(process(id)).isNull();
    assertThat(stock(LILE_PHARMACY, NIFEDIPINE).reserved()).isEqualTo(before);
  }

  @Test
  void coldChainMedicineLateAtTheDoorAlertsTheStreetOffice() {
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ClockUtil.setCurrentTime(Date.from(start));
    long id = request(line(INSULIN, 1));
    complete(id, TASK_CHECK_PRESCRIPTION, Map.of("prescriptionLines",
        "[{\"lineNo\": 1, \"decision\": \"APPROVED\"}]"));

    assertThat(timer(id, TIMER_COLD_CHAIN).getDuedate()).as("four hours after the reservation")
        .isEqualTo(Date.from(start.plus(Duration.ofHours(4))));
    claimAndPickUp(id, COURIER);
    timerFires(id, TIMER_COLD_CHAIN);

    assertThat(task(id, TASK_COLD_CHAIN_ALERT)).hasCandidateGroup("street-" + LILE);
    assertThat(timeline(id)).contains(DeliveryEventType.COLD_CHAIN_LATE);
    assertThat(task(id, TASK_DELIVER).getAssignee()).as("the courier still delivers").isEqualTo(COURIER);
  }

  @Test
  void aPharmacyOrACourierPastTheirDeadlineBringsInTheStreetOfficeAndTheTimelineSaysSo() {
    long id = request(line(NIFEDIPINE, 1));
    assertThat(timer(id, TIMER_CHECK_OVERDUE).getDuedate()).isEqualTo(task(id, TASK_CHECK_PRESCRIPTION).getDueDate());

    timerFires(id, TIMER_CHECK_OVERDUE);
    assertThat(task(id, TASK_PHARMACY_FOLLOW_UP)).hasCandidateGroup("street-" + LILE);
    complete(id, TASK_CHECK_PRESCRIPTION, Map.of("prescriptionLines", "[{\"lineNo\": 1, \"decision\": \"APPROVED\"}]"));
    claimAndPickUp(id, COURIER);
    timerFires(id, TIMER_DELIVERY_LATE);

    assertThat(task(id, TASK_DELIVERY_FOLLOW_UP)).hasCandidateGroup("street-" + LILE);
    complete(id, TASK_DELIVERY_FOLLOW_UP, Map.of("supervisionNote", "已电话督促配送员"));
    assertThat(timeline(id)).containsSubsequence(DeliveryEventType.PHARMACY_OVERDUE, DeliveryEventType.PICKED_UP,
        DeliveryEventType.DELIVERY_LATE, DeliveryEventType.SUPERVISED);
    assertThat(task(id, TASK_DELIVER)).as("the courier still has it").isNotNull();
  }

  @Test
  void aJobNobodyClaimsWithinHalfAnHourReachesTheGridWorkerToo() {
    long id = request(line(IBUPROFEN, 1));
    assertThat(timer(id, TIMER_UNCLAIMED)).isNotNull();

    timerFires(id, TIMER_UNCLAIMED);

    List<String> groups = tasks.getIdentityLinksForTask(task(id, TASK_PICK_UP).getId()).stream()
        .map(IdentityLink::getGroupId).filter(group -> group != null).toList();
    assertThat(groups).containsExactlyInAnyOrder("volunteer-" + LILE, "grid-" + ZHONGFU_GRID);
    assertThat(timeline(id)).contains(DeliveryEventType.OFFERED_TO_GRID);
  }

  @Test
  void aCourierClaimsPicksUpAndDeliversWithTheRecipientsCodeAndStockGoesDownByWhatWasAccepted() {
    int onHand = stock(LILE_PHARMACY, IBUPROFEN).onHand();
    long id = request(line(IBUPROFEN, 3));
    tasks.claim(task(id, TASK_PICK_UP).getId(), COURIER);
    assertThat(delivery(id).status()).isEqualTo(DeliveryStatus.CLAIMED);
    complete(id, TASK_PICK_UP, Map.of());
    assertThat(stock(LILE_PHARMACY, IBUPROFEN).onHand()).as("issued at pick-up").isEqualTo(onHand - 3);
    assertThat(task(id, TASK_DELIVER).getAssignee()).isEqualTo(COURIER);
    String code = delivery(id).confirmationCode();
    String wrong = code.equals("000000") ? "111111" : "000000";

    assertThatThrownBy(() -> complete(id, TASK_DELIVER, Map.of("deliveryOutcome", "DELIVERED",
        "confirmationCode", wrong, "deliveredLines", "[{\"lineNo\": 1, \"accepted\": 3, \"refused\": 0}]")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("confirmationCode");
    assertThat(delivery(id).status()).as("nothing was written").isEqualTo(DeliveryStatus.PICKED_UP);

    complete(id, TASK_DELIVER, Map.of("deliveryOutcome", "DELIVERED", "confirmationCode", code,
        "deliveredLines", "[{\"lineNo\": 1, \"accepted\": 2, \"refused\": 1, \"refusalReason\": \"家中还有一盒\"}]"));

    MedicineDelivery delivered = delivery(id);
    assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(messages.of(new MessageOwner("MEDICINE_DELIVERY", id))).extracting(TextMessage::kind)
        .as("told at reservation, pick-up and delivery").containsExactly("REQUESTED", "RESERVED", "PICKED_UP",
            "DELIVERED");
    assertThat(delivered.lines().get(0).accepted()).isEqualTo(2);
    assertThat(stock(LILE_PHARMACY, IBUPROFEN).onHand()).as("the refused box back in stock").isEqualTo(onHand - 2);
    assertThat(process(id)).isNull();
  }

  @Test
  void nobodyAtHomeIsTriedAgainLaterAndAfterTheThirdVisitTheGridWorkerDelivers() {
    long id = request(line(IBUPROFEN, 1));
    claimAndPickUp(id, COURIER);

    for (int visit = 1; visit <= 2; visit++) {
      complete(id, TASK_DELIVER, Map.of("deliveryOutcome", "NOT_AT_HOME", "deliveryNote", "敲门无人应答"));
      assertThat(openTasks(id)).as("no task until it is time to try again").isEmpty();
      timerFires(id, TIMER_RETRY_DELIVERY);
      assertThat(task(id, TASK_DELIVER).getAssignee()).isEqualTo(COURIER);
    }
    complete(id, TASK_DELIVER, Map.of("deliveryOutcome", "NOT_AT_HOME", "deliveryNote", "第三次仍无人"));

    var grid = task(id, TASK_DELIVER);
    assertThat(grid.getAssignee()).isNull();
    assertThat(grid).hasCandidateGroup("grid-" + ZHONGFU_GRID);
    assertThat(delivery(id).withGrid()).isTrue();
    assertThat(delivery(id).deliveryAttempts()).isEqualTo(3);
  }

  @Test
  void whatCannotBeDeliveredGoesBackToStock() {
    int onHand = stock(LILE_PHARMACY, IBUPROFEN).onHand();
    long id = request(line(IBUPROFEN, 2));
    claimAndPickUp(id, COURIER);

    assertThatThrownBy(() -> complete(id, TASK_DELIVER, Map.of("deliveryOutcome", "NOT_DELIVERED")))
        .as("says why").hasRootCauseInstanceOf(InvalidInputException.class);
    complete(id, TASK_DELIVER, Map.of("deliveryOutcome", "NOT_DELIVERED", "deliveryNote", "居民已转至方舱医院"));

    assertThat(delivery(id).status()).isEqualTo(DeliveryStatus.NOT_DELIVERED);
    assertThat(stock(LILE_PHARMACY, IBUPROFEN).onHand()).isEqualTo(onHand);
  }

  @Test
  void nothingNearInStockGoesToSourcingWhichTheStreetHearsOfWhenItTakesTooLong() {
    long id = request(line(IBUPROFEN, 990));
    assertThat(delivery(id).status()).isEqualTo(DeliveryStatus.AWAITING_STOCK);
    var sourcing = task(id, TASK_SOURCE_STOCK);
    assertThat(sourcing).hasCandidateGroup("pharmacy").hasCandidateGroup("warehouse");
    assertThat((String) tasks.getVariableLocal(sourcing.getId(), "shortage")).contains("× 990");

    timerFires(id, TIMER_SOURCING_OVERDUE);
    assertThat(task(id, TASK_SOURCING_FOLLOW_UP)).hasCandidateGroup("street-" + LILE);

    ledger.receive(new Receipt(LILE_PHARMACY, IBUPROFEN, 1000, null, null, "区卫健局调拨", null), "pharmacy-01",
        "test-restock-" + id);
    complete(id, TASK_SOURCE_STOCK, Map.of("sourcingOutcome", "STOCKED"));

    assertThat(delivery(id).status()).isEqualTo(DeliveryStatus.RESERVED);
    assertThat(task(id, TASK_PICK_UP)).isNotNull();
    assertThat(timeline(id)).containsSubsequence(DeliveryEventType.AWAITING_STOCK, DeliveryEventType.SOURCING_OVERDUE,
        DeliveryEventType.RESERVED);
  }

  @Test
  void cancellingReleasesTheReservationAndEndsEveryTask() {
    int reserved = stock(LILE_PHARMACY, IBUPROFEN).reserved();
    long id = request(line(IBUPROFEN, 2));

    service.cancel(id, "居民已自行购药", "api-key:clinic");

    assertThat(delivery(id).status()).isEqualTo(DeliveryStatus.CANCELLED);
    assertThat(openTasks(id)).isEmpty();
    assertThat(stock(LILE_PHARMACY, IBUPROFEN).reserved()).isEqualTo(reserved);
  }

  @Test
  void anOperatorStartsADeliveryInTasklistAndThePharmacyListsTheMedicines() {
    var instance = runtime.startProcessInstanceByKey(KEY, Map.of("recipientName", "李阿姨",
        "recipientPhone", newPhone(), "recipientAddress", ZHONGFU_ADDRESS,
        "requestedItems", "降压药 硝苯地平 两盒, 退烧药一盒", "urgency", "URGENT"));
    long id = MedicineDeliveryProcess.deliveryId(instance.getBusinessKey());
    assertThat(runtime.getVariables(instance.getId())).as("the recipient lives in the delivery, not the engine")
        .doesNotContainKeys("recipientName", "recipientPhone", "recipientAddress", "requestedItems");
    PendingJobs.runFor(engine, instance.getBusinessKey());
    var list = task(id, TASK_LIST_MEDICINES);
    assertThat(list).hasCandidateGroup("pharmacy");
    assertThat(list.getPriority()).as("urgent first").isEqualTo(Urgency.URGENT.taskPriority());
    assertThat(tasks.getVariableLocal(list.getId(), "lines").toString()).as("a row per medicine").contains(NIFEDIPINE)
        .contains(INSULIN);

    assertThatThrownBy(() -> complete(id, TASK_LIST_MEDICINES, Map.of("lines",
        "[{\"itemCode\": \"MED-UNKNOWN\", \"quantity\": 1}]")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("lines[0].itemCode");
    complete(id, TASK_LIST_MEDICINES, Map.of("lines",
        "[{\"itemCode\": \"" + NIFEDIPINE + "\", \"quantity\": 2}, {\"itemCode\": \"" + IBUPROFEN + "\", \"quantity\": 1}]"));

    assertThat(delivery(id).status()).isEqualTo(DeliveryStatus.AWAITING_PRESCRIPTION);
    assertThat(delivery(id).source()).isEqualTo(DeliverySource.TASKLIST);
    assertThat(task(id, TASK_CHECK_PRESCRIPTION)).isNotNull();
  }
}
