package org.gridaid.donations;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.gridaid.donations.AppealView.ProgressView;
import org.gridaid.donations.AppealView.SiteView;
import org.gridaid.shared.Sha256;
import org.gridaid.shared.jdbc.Page;
import org.gridaid.shared.validation.FormCheck;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.shared.web.NotFoundException;
import org.gridaid.supplies.SupplyItem;
import org.gridaid.supplies.SupplyItems;
import org.gridaid.supplies.SupplySite;
import org.gridaid.supplies.SupplySites;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The appeals' commands, one transaction each: open, close, and the decision at the deadline
 * (close, or extend it). Opening an appeal starts its deadline process, closing it early ends it
 * ({@link AppealDeadlines}). Pledges and receipts change an appeal's counters through
 * {@link Appeals} in their own commands' transactions.
 */
@Service
class AppealService {

  /** An appeal and whether it was opened before (sent again with its key). */
  record Opened(AppealView appeal, boolean replayed) {}

  private final Appeals appeals;
  private final AppealDeadlines deadlines;
  private final SupplyItems items;
  private final SupplySites sites;
  private final Validator validator;
  private final TransactionTemplate transaction;
  private final Clock clock;

  AppealService(Appeals appeals, AppealDeadlines deadlines, SupplyItems items, SupplySites sites,
      Validator validator, PlatformTransactionManager transactions, Clock clock) {
    this.appeals = appeals;
    this.deadlines = deadlines;
    this.items = items;
    this.sites = sites;
    this.validator = validator;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /**
   * Opens an appeal; {@code areaCode}: the street of the office that opens it, null for the desk.
   * Sent again by the same {@code actor} under the same {@code idempotencyKey} it is answered
   * with the appeal the first request opened (nothing new is written); the same key with another
   * request is a 409. Two retries at the same moment meet at the key's unique constraint.
   */
  Opened open(NewAppeal command, String areaCode, String actor, String idempotencyKey) {
    String hash = idempotencyKey == null ? null : Sha256.hex("POST /api/v1/appeals|" + command);
    try {
      return transaction.execute(status -> {
        if (idempotencyKey != null) {
          var earlier = appeals.findByKey(actor, idempotencyKey);
          if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
          }
        }
        return new Opened(open(command, areaCode, actor, idempotencyKey, hash), false);
      });
    } catch (DuplicateKeyException e) {
      if (idempotencyKey == null) {
        throw e;
      }
      // the same request raced in on another thread or node: answer as that one was answered
      return transaction.execute(status -> replay(appeals.findByKey(actor, idempotencyKey).orElseThrow(() -> e),
          hash));
    }
  }

  private Opened replay(Appeal earlier, String hash) {
    if (!earlier.requestHash().equals(hash)) {
      throw new ConflictException("The Idempotency-Key was used for another appeal");
    }
    return new Opened(view(earlier), true);
  }

  private AppealView open(NewAppeal command, String areaCode, String actor, String idempotencyKey, String hash) {
    Instant now = clock.instant();
    FormCheck check = FormCheck.of(validator, command);
    AppealKind kind = check.failed("kind") ? null : command.kindValue();
    if (kind == AppealKind.MONEY) {
      if (command.targetAmount() == null && !check.failed("targetAmount")) {
        check.reject("targetAmount", "is required for a money appeal");
      }
      if (command.itemCode() != null) {
        check.reject("itemCode", "must be empty for a money appeal");
      }
      if (command.targetQuantity() != null) {
        check.reject("targetQuantity", "must be empty for a money appeal (targetAmount is its target)");
      }
    } else if (kind == AppealKind.GOODS) {
      if (command.itemCode() == null) {
        check.reject("itemCode", "is required for a goods appeal");
      } else if (!check.failed("itemCode") && items.find(command.itemCode()).isEmpty()) {
        check.reject("itemCode", "is not a known supply item");
      }
      if (command.targetQuantity() == null && !check.failed("targetQuantity")) {
        check.reject("targetQuantity", "is required for a goods appeal");
      }
      if (command.targetAmount() != null) {
        check.reject("targetAmount", "must be empty for a goods appeal (targetQuantity is its target)");
      }
      if (command.siteCodes().isEmpty() && !check.failed("siteCodes")) {
        check.reject("siteCodes", "must name at least one delivery site for a goods appeal");
      }
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < command.siteCodes().size(); i++) {
      String code = command.siteCodes().get(i);
      String field = "siteCodes[" + i + "]";
      if (code == null || check.failed(field)) {
        continue;
      }
      if (sites.find(code).filter(SupplySite::active).isEmpty()) {
        check.reject(field, "is not a known supply site");
      } else if (!seen.add(code)) {
        check.reject(field, "is listed twice");
      }
    }
    if (command.deadline() != null && !command.deadline().isAfter(now)) {
      check.reject("deadline", "must be in the future");
    }
    check.orThrow();
    long target = kind == AppealKind.MONEY ? Money.fen(command.targetAmount()) : command.targetQuantity();
    Appeal appeal = Appeal.open(command.title(), kind, command.itemCode(), target, command.deadline(),
        command.siteCodes(), areaCode, actor, now);
    if (idempotencyKey != null) {
      appeal.rememberRequest(idempotencyKey, hash);
    }
    return view(deadlines.watch(appeals.save(appeal)));
  }

  /**
   * Takes no more pledges. 404 for an appeal nobody knows, 409 for one closed already;
   * {@code mayClose} refuses (403) a requester who may not close this appeal.
   */
  @Transactional
  AppealView close(long id, String actor, Consumer<Appeal> mayClose) {
    Appeal appeal = load(id);
    mayClose.accept(appeal);
    appeal.close(actor, clock.instant());
    appeals.save(appeal);
    deadlines.closed(id);
    return view(appeal);
  }

  /** The desk decided to close an appeal that reached its target; nothing if it was closed meanwhile. */
  @Transactional
  void closeIfOpen(long id, String actor) {
    Appeal appeal = load(id);
    if (appeal.status() == AppealStatus.OPEN) {
      appeal.close(actor, clock.instant());
      appeals.save(appeal);
      deadlines.closed(id);
    }
  }

  /**
   * The deadline passed and the desk (or the street office) closes the appeal: closed as
   * {@link #close} closes it, 409 if it is closed already. Its deadline process, which asked, ends
   * by itself.
   */
  @Transactional
  void closeAtDeadline(long id, String actor) {
    Appeal appeal = load(id);
    appeal.close(actor, clock.instant());
    appeals.save(appeal);
  }

  /**
   * The deadline passed and the desk (or the street office) gives donors until {@code newDeadline};
   * the appeal takes pledges until then (and after, until it is closed). 409 if it is closed.
   */
  @Transactional
  Appeal extendDeadline(long id, Instant newDeadline) {
    Appeal appeal = load(id);
    appeal.extendDeadline(newDeadline, clock.instant());
    return appeals.save(appeal);
  }

  Instant now() {
    return clock.instant();
  }

  @Transactional(readOnly = true)
  Appeal load(long id) {
    return appeals.find(id).orElseThrow(() -> new NotFoundException("Appeal", String.valueOf(id)));
  }

  @Transactional(readOnly = true)
  AppealView get(long id) {
    return view(load(id));
  }

  @Transactional(readOnly = true)
  Page<AppealView> search(AppealStatus status, AppealKind kind, int page, int size) {
    Page<Appeal> found = appeals.search(status, kind, page, size);
    return new Page<>(found.items().stream().map(this::view).toList(), found.page(), found.size(), found.total());
  }

  AppealView view(Appeal a) {
    Appeals.Progress p = appeals.progress(a.id());
    boolean money = a.kind() == AppealKind.MONEY;
    SupplyItem item = money ? null : items.find(a.itemCode()).orElse(null);
    List<SiteView> siteViews = a.siteCodes().stream()
        .map(code -> new SiteView(code, sites.find(code).map(SupplySite::name).orElse(code))).toList();
    return new AppealView(a.id(), a.title(), a.kind(), a.kind().label(), a.itemCode(),
        item == null ? null : item.name(), money ? "元" : item == null ? null : item.unit(), amount(a, a.target()),
        a.deadline(), siteViews, a.areaCode(), a.status(), a.status().label(), a.openedBy(), a.openedAt(),
        a.closedBy(), a.closedAt(), new ProgressView(amount(a, p.pledged()), amount(a, p.received()),
            amount(a, a.target()), p.pledges(), p.pledged() >= a.target(), p.targetReachedAt()));
  }

  /** Fen as yuan for a money appeal, units as they are for goods. */
  static Number amount(Appeal a, long value) {
    return a.kind() == AppealKind.MONEY ? Money.yuan(value) : value;
  }
}
