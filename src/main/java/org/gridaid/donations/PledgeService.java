package org.gridaid.donations;

import io.holunda.camunda.bpm.data.CamundaBpmData;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.gridaid.messaging.MessageOwner;
import org.gridaid.messaging.TextMessages;
import org.gridaid.shared.RequestFingerprints;
import org.gridaid.shared.validation.FormCheck;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.NotFoundException;
import org.gridaid.supplies.ItemCategory;
import org.gridaid.supplies.Receipt;
import org.gridaid.supplies.Reference;
import org.gridaid.supplies.ReferenceType;
import org.gridaid.supplies.StockLedger;
import org.gridaid.supplies.SupplyItem;
import org.gridaid.supplies.SupplyItems;
import org.gridaid.supplies.SupplySites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pledges of goods, one transaction a command. A pledge counts against its appeal and starts its
 * process (goods-pledge.bpmn) in one transaction; the site's check-in takes the goods into stock
 * through the supplies ledger ({@code DONATION pledge-<id>}), numbers the receipt, counts what
 * arrived and queues the thanks, in the engine's transaction.
 */
@Service
class PledgeService {

  private static final Logger log = LoggerFactory.getLogger(PledgeService.class);
  static final String OWNER = "DONATION_PLEDGE";
  static final String REMINDER = "REMINDER";

  /** A pledge and whether it was recorded before (sent again with its key). */
  record Recorded(PledgeView pledge, boolean replayed) {}

  private final Pledges pledges;
  private final AppealProgress progress;
  private final ReceiptNumbers receipts;
  private final StockLedger ledger;
  private final SupplyItems items;
  private final SupplySites sites;
  private final TextMessages texts;
  private final RuntimeService runtime;
  private final DonationSettings settings;
  private final Validator validator;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final RequestFingerprints fingerprints;

  PledgeService(Pledges pledges, AppealProgress progress, ReceiptNumbers receipts, StockLedger ledger,
      SupplyItems items, SupplySites sites, TextMessages texts, RuntimeService runtime, DonationSettings settings,
      Validator validator, PlatformTransactionManager transactions, Clock clock, RequestFingerprints fingerprints) {
    this.fingerprints = fingerprints;
    this.pledges = pledges;
    this.progress = progress;
    this.receipts = receipts;
    this.ledger = ledger;
    this.items = items;
    this.sites = sites;
    this.texts = texts;
    this.runtime = runtime;
    this.settings = settings;
    this.validator = validator;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /**
   * A pledge against a goods appeal: 404 for an appeal nobody knows, 400 for a money appeal or a
   * site that is not the appeal's, 409 once the appeal is closed. Sent again under the same
   * {@code idempotencyKey} it is answered as the first time, recorded once.
   */
  Recorded pledge(long appealId, NewPledge command, String actor, String idempotencyKey) {
    FormCheck check = checkDate(command);
    String hash = fingerprints.of(idempotencyKey, () -> appealId + "|" + command);
    try {
      return transaction.execute(status -> {
        Appeal appeal = appealWithSite(appealId, command, check);
        if (idempotencyKey != null) {
          var earlier = pledges.findByKey(actor, idempotencyKey);
          if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
          }
        }
        Pledge pledge = record(appeal, command, actor, idempotencyKey, hash);
        runtime.startProcessInstanceByKey(GoodsPledgeProcess.KEY, GoodsPledgeProcess.businessKey(pledge.id()),
            processVariables(pledge));
        return new Recorded(PledgeView.of(pledge), false);
      });
    } catch (DuplicateKeyException e) {
      return transaction.execute(status -> replay(pledges.findByKey(actor, idempotencyKey).orElseThrow(() -> e), hash));
    }
  }

  /**
   * The same from the desk's start form in Tasklist (record-pledge.form): the pledge is recorded
   * in the transaction of the start, which goes on with {@link #processVariables}.
   */
  @Transactional
  Pledge pledgeFromStartForm(long appealId, NewPledge command, String actor) {
    FormCheck check = checkDate(command);
    return record(appealWithSite(appealId, command, check), command, actor, null, null);
  }

  private FormCheck checkDate(NewPledge command) {
    FormCheck check = FormCheck.of(validator, command);
    LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
    if (command.promisedOn() != null && command.promisedOn().isBefore(today)) {
      check.reject("promisedOn", "must be today or later");
    }
    return check;
  }

  /** The goods appeal, once the command is checked against it (its site among the appeal's). */
  private Appeal appealWithSite(long appealId, NewPledge command, FormCheck check) {
    Appeal appeal = appealOf(appealId);
    if (!check.failed("siteCode") && command.siteCode() != null && !appeal.siteCodes().contains(command.siteCode())) {
      check.reject("siteCode", "is not a delivery site of the appeal");
    }
    check.orThrow();
    return appeal;
  }

  private Appeal appealOf(long appealId) {
    Appeal appeal = progressAppeal(appealId);
    if (appeal.kind() != AppealKind.GOODS) {
      throw new InvalidInputException("appealId", "is an appeal for money: money is given, not pledged as goods");
    }
    return appeal;
  }

  private Appeal progressAppeal(long appealId) {
    try {
      return progress.appeal(appealId, AppealKind.GOODS, "appealId");
    } catch (InvalidInputException e) {
      if (e.getMessage().contains("not a known appeal")) {
        throw new NotFoundException("Appeal", String.valueOf(appealId));
      }
      throw e;
    }
  }

  private static Recorded replay(Pledge earlier, String hash) {
    if (!earlier.requestHash().equals(hash)) {
      throw new ConflictException("The Idempotency-Key was used for another pledge");
    }
    return new Recorded(PledgeView.of(earlier), true);
  }

  private Pledge record(Appeal appeal, NewPledge command, String actor, String key, String hash) {
    // the counter first: a closed appeal records nothing
    progress.pledge(appeal.id(), command.quantity());
    return pledges.save(Pledge.pledge(appeal.id(), appeal.itemCode(), command.quantity(), command.siteCode(),
        command.promisedOn(), command.donor(), actor, clock.instant(), key, hash));
  }

  /** What a pledge's process starts with: the pledge, the reminder and the overdue time, the summary. */
  VariableMap processVariables(Pledge pledge) {
    return CamundaBpmData.builder()
        .set(GoodsPledgeProcess.PLEDGE_ID, pledge.id())
        .set(GoodsPledgeProcess.REMIND_AT, remindAt(pledge.promisedOn()))
        .set(GoodsPledgeProcess.OVERDUE_AT, overdueAt(pledge.promisedOn()))
        .set(GoodsPledgeProcess.PLEDGE_SUMMARY, summary(pledge))
        .build();
  }

  /** The morning before the promised day. */
  Date remindAt(LocalDate promisedOn) {
    return Date.from(promisedOn.minusDays(1).atTime(LocalTime.of(9, 0)).atZone(settings.zone()).toInstant());
  }

  /** The end of the promised day. */
  Date overdueAt(LocalDate promisedOn) {
    return Date.from(promisedOn.plusDays(1).atStartOfDay(settings.zone()).toInstant());
  }

  private String summary(Pledge p) {
    SupplyItem item = items.get(p.itemCode());
    String site = sites.find(p.siteCode()).map(s -> s.name()).orElse(p.siteCode());
    Gift.Donor d = p.donor();
    return d.name() + (d.anonymous() ? " (要求匿名)" : "") + (d.phone() == null ? "" : " · 电话 " + d.phone())
        + " · " + item.name() + " " + p.quantity() + item.unit() + " · 约定 " + p.promisedOn() + " 送达 " + site
        + " · 认捐编号 " + p.id();
  }

  ZoneId zone() {
    return settings.zone();
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(settings.zone()));
  }

  @Transactional(readOnly = true)
  Pledge load(long id) {
    return pledges.find(id).orElseThrow(() -> new NotFoundException("Pledge", String.valueOf(id)));
  }

  /** The donor's reminder the day before, if the pledge still waits and a phone was given. */
  @Transactional
  void remind(long pledgeId) {
    Pledge p = load(pledgeId);
    if (p.status() != PledgeStatus.PLEDGED || p.donor().phone() == null) {
      return;
    }
    SupplyItem item = items.get(p.itemCode());
    String site = sites.find(p.siteCode()).map(s -> s.name()).orElse(p.siteCode());
    String whom = p.donor().anonymous() ? settings.publicName() : p.donor().name();
    texts.queue(new MessageOwner(OWNER, p.id()), p.donor().phone(), REMINDER, "【江海区慈善会】" + whom
        + "您好，您认捐的" + item.name() + " " + p.quantity() + item.unit() + "约定于" + p.promisedOn() + "送达"
        + site + "。如有变化请致电慈善会捐赠窗口。感谢您的爱心！");
  }

  /**
   * The site checked the delivery in: what it received goes into stock at the pledge's site, the
   * receipt is numbered and the donor thanked. 400 naming the form's fields for what does not add
   * up, 409 for a pledge no longer waiting.
   */
  @Transactional
  PledgeView checkIn(long pledgeId, Pledge.CheckIn found, String actor) {
    Pledge p = load(pledgeId);
    SupplyItem item = items.get(p.itemCode());
    boolean perishable = item.category() == ItemCategory.FOOD || item.category() == ItemCategory.MEDICINE;
    LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
    FormCheck check = FormCheck.of(validator, found);
    if (found.received() < 0 || found.received() > 1_000_000) {
      check.reject("receivedQuantity", "must be between 0 and 1000000");
    }
    if (found.refused() < 0 || found.refused() > 1_000_000) {
      check.reject("refusedQuantity", "must be between 0 and 1000000");
    }
    if (found.refused() > 0 && found.refusedReason() == null) {
      check.reject("refusedReason", "is required when goods are refused");
    }
    if (found.refusedReason() != null && found.refusedReason().length() > 200) {
      check.reject("refusedReason", "must be at most 200 characters");
    }
    if (found.received() > 0 && perishable && found.expiry() == null) {
      check.reject("expiry", "is required for food and medicine");
    }
    if (found.expiry() != null && found.expiry().isBefore(today)) {
      check.reject("expiry", "is past: expired goods are refused");
    }
    check.orThrow();
    Instant now = clock.instant();
    Integer number = null;
    int year = LocalDate.ofInstant(now, settings.zone()).getYear();
    if (found.received() > 0) {
      ledger.receive(new Receipt(p.siteCode(), p.itemCode(), found.received(),
          batch(p.id()), found.expiry(), "捐赠入库 (认捐 " + p.id() + ")",
          reference(p.id())), actor, "donation-pledge/" + p.id());
      number = receipts.next(year);
    }
    p.checkIn(found, year, number, actor, now);
    pledges.save(p);
    if (found.received() > 0) {
      progress.receive(p.appealId(), found.received());
      if (p.donor().phone() != null) {
        String site = sites.find(p.siteCode()).map(s -> s.name()).orElse(p.siteCode());
        texts.queue(new MessageOwner(OWNER, p.id()), p.donor().phone(), DonorTexts.THANKS,
            DonorTexts.thanksForGoods(p.donor().name(), p.donor().anonymous(), found.received(), item.unit(),
                item.name(), site, p.receiptCode()));
      }
    }
    log.info("Pledge {} checked in: {} received, {} refused", p.id(), found.received(), found.refused());
    return PledgeView.of(p);
  }

  /**
   * The batch a pledge's goods are kept in at the site, with or without an expiry: what leaves
   * stock of it is what the appeal gave out, told apart from the site's other stock of the item.
   */
  static String batch(long pledgeId) {
    return "DON-P" + pledgeId;
  }

  /** What a pledge's movements in the ledger refer to. */
  static Reference reference(long pledgeId) {
    return Reference.of(ReferenceType.DONATION, "pledge-" + pledgeId);
  }

  /** The donor will deliver later. */
  @Transactional
  PledgeView extend(long pledgeId, LocalDate newDate) {
    Pledge p = load(pledgeId);
    p.extend(newDate);
    pledges.save(p);
    return PledgeView.of(p);
  }

  /** The donor will not deliver: it no longer counts as pledged. */
  @Transactional
  PledgeView cancel(long pledgeId, String reason) {
    Pledge p = load(pledgeId);
    p.cancel(reason);
    pledges.save(p);
    progress.withdraw(p.appealId(), p.quantity());
    return PledgeView.of(p);
  }
}
