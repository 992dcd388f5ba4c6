package org.gridaid.donations;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import io.holunda.camunda.bpm.data.CamundaBpmData;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.gridaid.donations.GiftForms.Confirmation;
import org.gridaid.donations.GiftForms.Correction;
import org.gridaid.donations.GiftForms.DeskGift;
import org.gridaid.donations.GiftForms.PlatformGift;
import org.gridaid.messaging.MessageOwner;
import org.gridaid.messaging.TextMessages;
import org.gridaid.shared.RequestFingerprints;
import org.gridaid.shared.validation.FormCheck;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.shared.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gifts of money, one transaction a command: a gift from the platform (once per transaction id),
 * its confirmation (once, however often the callback comes), a refund or a correction (a new
 * entry). Confirming numbers the receipt and queues the thanks in the same transaction; the
 * appeal's counters change with it.
 */
@Service
class GiftService {

  private static final Logger log = LoggerFactory.getLogger(GiftService.class);
  static final String OWNER = "DONATION";

  /** A gift and whether it was recorded before (the platform sent it again). */
  record Recorded(GiftView gift, boolean replayed) {}

  private final Gifts gifts;
  private final AppealProgress progress;
  private final ReceiptNumbers receipts;
  private final TextMessages texts;
  private final DonationSettings settings;
  private final Validator validator;
  private final TransactionTemplate transaction;
  private final RuntimeService runtime;
  private final Clock clock;
  private final RequestFingerprints fingerprints;

  GiftService(Gifts gifts, AppealProgress progress, ReceiptNumbers receipts, TextMessages texts,
      DonationSettings settings, Validator validator, PlatformTransactionManager transactions, RuntimeService runtime,
      Clock clock, RequestFingerprints fingerprints) {
    this.fingerprints = fingerprints;
    this.gifts = gifts;
    this.progress = progress;
    this.receipts = receipts;
    this.texts = texts;
    this.settings = settings;
    this.validator = validator;
    this.transaction = new TransactionTemplate(transactions);
    this.runtime = runtime;
    this.clock = clock;
  }

  /**
   * A gift the platform took, waiting for its callback; counted as pledged to its appeal (409 if
   * that is closed). The same transaction id again answers the first gift (replayed), a different
   * gift under it is a 409.
   */
  Recorded receive(PlatformGift command, String actor) {
    FormCheck check = FormCheck.of(validator, command);
    idNumberCheck(check, command.amount(), command.donorIdNumber());
    check.orThrow();
    try {
      return transaction.execute(status -> gifts.findByTransaction(command.transactionId())
          .map(earlier -> replay(earlier, command))
          .orElseGet(() -> new Recorded(record(command, actor), false)));
    } catch (DuplicateKeyException e) {
      // the same gift sent twice at once: the other one was recorded
      return transaction.execute(status -> replay(gifts.findByTransaction(command.transactionId())
          .orElseThrow(() -> e), command));
    }
  }

  private GiftView record(PlatformGift command, String actor) {
    long fen = Money.fen(command.amount());
    if (command.appealId() != null) {
      progress.appeal(command.appealId(), AppealKind.MONEY, "appealId");
      progress.pledge(command.appealId(), fen);
    }
    Gift gift = gifts.save(Gift.received(command.appealId(), GiftChannel.PLATFORM, fen, command.donor(),
        command.transactionId(), actor, clock.instant()));
    log.info("Gift {} received from the platform ({} fen)", gift.id(), fen);
    return GiftView.of(gift);
  }

  private static Recorded replay(Gift earlier, PlatformGift command) {
    Gift.Donor donor = command.donor();
    boolean same = earlier.amountFen() == Money.fen(command.amount())
        && Objects.equals(earlier.appealId(), command.appealId()) && earlier.donor().equals(donor);
    if (!same) {
      throw new ConflictException("Transaction " + command.transactionId() + " was recorded with another gift");
    }
    return new Recorded(GiftView.of(earlier), true);
  }

  /**
   * Cash or a bank transfer the desk took: recorded, counted as pledged (409 for a closed appeal)
   * and handed to finance's confirmation (donation-intake.bpmn), in one transaction. Sent again
   * under the same {@code idempotencyKey} it is answered as the first time: no second entry, no
   * second task for finance.
   */
  Recorded recordAtDesk(DeskGift command, String actor, String idempotencyKey) {
    String hash = fingerprints.of(idempotencyKey, () -> "POST /api/v1/donations/desk|" + command);
    return once(actor, idempotencyKey, hash, () -> {
      Gift gift = deskGift(command, actor, idempotencyKey, hash);
      runtime.startProcessInstanceByKey(DonationIntakeProcess.KEY, DonationIntakeProcess.businessKey(gift.id()),
          intakeVariables(gift));
      log.info("Gift {} recorded at the desk ({} fen), awaiting finance", gift.id(), gift.amountFen());
      return gift;
    });
  }

  /**
   * The same from the desk's start form in Tasklist (record-donation.form): the gift is recorded
   * in the transaction of the start, which goes on to finance with {@link #intakeVariables}.
   */
  @Transactional
  Gift recordDeskGift(DeskGift command, String actor) {
    return deskGift(command, actor, null, null);
  }

  private Gift deskGift(DeskGift command, String actor, String idempotencyKey, String hash) {
    FormCheck check = FormCheck.of(validator, command);
    if (!check.failed("channel") && command.channel() != null && command.channelValue() == GiftChannel.PLATFORM) {
      check.reject("channel", "must be CASH or BANK_TRANSFER (the platform sends its own gifts)");
    }
    idNumberCheck(check, command.amount(), command.donorIdNumber());
    check.orThrow();
    long fen = Money.fen(command.amount());
    if (command.appealId() != null) {
      progress.appeal(command.appealId(), AppealKind.MONEY, "appealId");
      progress.pledge(command.appealId(), fen);
    }
    Gift gift = Gift.received(command.appealId(), command.channelValue(), fen, command.donor(), null, actor,
        clock.instant());
    if (idempotencyKey != null) {
      gift.rememberRequest(idempotencyKey, hash);
    }
    return gifts.save(gift);
  }

  /**
   * One transaction that records an entry, once per {@code actor}'s {@code key}: the entry recorded
   * under the key before is the answer (replayed) if it was the same request ({@code hash}), a
   * 409 if not. Retries at the same moment meet at the key's unique constraint: the one that
   * loses answers as the other was answered.
   */
  private Recorded once(String actor, String key, String hash, Supplier<Gift> record) {
    try {
      return transaction.execute(status -> {
        if (key != null) {
          var earlier = gifts.findByKey(actor, key);
          if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
          }
        }
        return new Recorded(GiftView.of(record.get()), false);
      });
    } catch (DuplicateKeyException e) {
      if (key == null) {
        throw e;
      }
      return transaction.execute(status -> replay(gifts.findByKey(actor, key).orElseThrow(() -> e), hash));
    }
  }

  private static Recorded replay(Gift earlier, String hash) {
    if (!Objects.equals(earlier.requestHash(), hash)) {
      throw new ConflictException("The Idempotency-Key was used for another request");
    }
    return new Recorded(GiftView.of(earlier), true);
  }

  /** What finance's confirmation of a desk gift starts with: the gift, its deadline, its summary. */
  VariableMap intakeVariables(Gift gift) {
    Gift.Donor donor = gift.donor();
    String summary = gift.channel().label() + " " + Money.yuan(gift.amountFen()).toPlainString() + "元 · 捐赠人 "
        + donor.name() + (donor.anonymous() ? " (要求匿名)" : "") + " · 登记人 " + gift.recordedBy() + " · 捐款编号 "
        + gift.id();
    return CamundaBpmData.builder()
        .set(DonationIntakeProcess.GIFT_ID, gift.id())
        .set(DonationIntakeProcess.CONFIRM_DUE_AT, Date.from(gift.recordedAt().plus(settings.confirmWithin())))
        .set(DonationIntakeProcess.GIFT_SUMMARY, summary)
        .build();
  }

  private void idNumberCheck(FormCheck check, java.math.BigDecimal amount, String idNumber) {
    if (!check.failed("amount") && amount != null && idNumber == null
        && amount.compareTo(settings.idNumberFrom()) >= 0) {
      check.reject("donorIdNumber", "is required for a gift of " + settings.idNumberFrom() + " yuan or more");
    }
  }

  /**
   * The platform's callback: the gift's money arrived. Once, however often it comes; 404 for a
   * transaction nobody sent. {@code mayConfirm} refuses a caller who may not see the gift.
   */
  @Transactional
  GiftView confirm(Confirmation command, String actor, Consumer<Gift> mayConfirm) {
    FormCheck.of(validator, command).orThrow();
    Gift gift = gifts.findByTransaction(command.transactionId())
        .orElseThrow(() -> new NotFoundException("Transaction", command.transactionId()));
    mayConfirm.accept(gift);
    return GiftView.of(confirm(gifts.lock(gift.id()).orElseThrow(), actor));
  }

  /** Finance confirmed that a gift the desk recorded arrived (a step of the donation-intake process). */
  @Transactional
  GiftView confirm(long giftId, String actor) {
    return GiftView.of(confirm(gifts.lock(giftId)
        .orElseThrow(() -> new NotFoundException("Gift", String.valueOf(giftId))), actor));
  }

  /** {@code gift}: read with its row locked ({@link Gifts#lock}), so that it is confirmed once. */
  private Gift confirm(Gift gift, String actor) {
    if (!gift.needsConfirmation()) {
      return gift; // confirmed before: the callback counts once
    }
    Instant at = clock.instant();
    int year = LocalDate.ofInstant(at, settings.zone()).getYear();
    gift.confirm(year, receipts.next(year), actor, at);
    gifts.save(gift);
    if (gift.appealId() != null) {
      progress.receive(gift.appealId(), gift.amountFen());
    }
    Gift.Donor donor = gift.donor();
    if (donor.phone() != null) {
      texts.queue(new MessageOwner(OWNER, gift.id()), donor.phone(), DonorTexts.THANKS,
          DonorTexts.thanks(donor.name(), donor.anonymous(), Money.yuan(gift.amountFen()), gift.receiptCode()));
    }
    log.info("Gift {} confirmed, receipt {}", gift.id(), gift.receiptCode());
    return gift;
  }

  /** Finance found that a gift the desk recorded never arrived: it no longer counts as pledged. */
  @Transactional
  GiftView notReceived(long giftId, String reason, String actor) {
    Gift gift = load(giftId);
    gift.notReceived(reason, actor, clock.instant());
    gifts.save(gift);
    if (gift.appealId() != null) {
      progress.withdraw(gift.appealId(), gift.amountFen());
    }
    return GiftView.of(gift);
  }

  /**
   * Money of a confirmed gift given back: a REFUND entry, never an edit. Once per
   * {@code idempotencyKey}, as {@link #recordAtDesk}.
   */
  Recorded refund(long giftId, Correction command, String actor, String idempotencyKey) {
    String hash = fingerprints.of(idempotencyKey, () -> "POST /api/v1/donations/" + giftId + "/refunds|" + command);
    return once(actor, idempotencyKey, hash, () -> {
      FormCheck check = check(command);
      if (!check.failed("amount") && command.amount().signum() <= 0) {
        check.reject("amount", Money.AT_LEAST_A_FEN);
      }
      check.orThrow();
      Gift gift = load(giftId);
      Gift refund = gift.refund(Money.fen(command.amount()), gifts.left(giftId), command.reason(), actor,
          clock.instant());
      return entered(refund, idempotencyKey, hash);
    });
  }

  /**
   * The amount of a confirmed gift was recorded wrong by {@code amount} (signed): a CORRECTION
   * entry. Once per {@code idempotencyKey}, as {@link #recordAtDesk}.
   */
  Recorded correct(long giftId, Correction command, String actor, String idempotencyKey) {
    String hash = fingerprints.of(idempotencyKey, () -> "POST /api/v1/donations/" + giftId + "/corrections|" + command);
    return once(actor, idempotencyKey, hash, () -> {
      FormCheck check = check(command);
      if (!check.failed("amount") && command.amount().signum() == 0) {
        check.reject("amount", "must not be 0");
      }
      check.orThrow();
      Gift gift = load(giftId);
      Gift correction = gift.correction(Money.fen(command.amount()), gifts.left(giftId), command.reason(), actor,
          clock.instant());
      return entered(correction, idempotencyKey, hash);
    });
  }

  private FormCheck check(Correction command) {
    return FormCheck.of(validator, command);
  }

  private Gift entered(Gift entry, String idempotencyKey, String hash) {
    if (idempotencyKey != null) {
      entry.rememberRequest(idempotencyKey, hash);
    }
    gifts.save(entry);
    if (entry.appealId() != null) {
      progress.correct(entry.appealId(), entry.amountFen());
    }
    log.info("Gift {}: {} entry {} ({} fen)", entry.correctsId(), entry.entryKind(), entry.id(), entry.amountFen());
    return entry;
  }

  @Transactional(readOnly = true)
  Gift load(long id) {
    return gifts.find(id).orElseThrow(() -> new NotFoundException("Gift", String.valueOf(id)));
  }
}
