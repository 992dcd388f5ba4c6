package org.gridaid.donations;

import java.time.Instant;
import java.util.List;
import org.gridaid.organisation.Groups;
import org.gridaid.shared.web.ConflictException;

/**
 * An appeal (募捐 / 认捐倡议): money or an item, a target, a deadline and, for goods, the sites the
 * goods are delivered to. Its own state (open or closed) changes only by its transitions and is
 * saved with an optimistic version. What was pledged and received against it are counters that
 * many pledges change at once: they are no part of the aggregate but changed by conditional
 * updates beside the pledge that says why ({@link Appeals#pledge}), as the stock ledger's
 * balances are.
 */
final class Appeal {

  private Long id;
  private int version;
  private final String title;
  private final AppealKind kind;
  private final String itemCode;
  private final long target;
  private Instant deadline;
  private final List<String> siteCodes;
  private final String areaCode;
  private final String openedBy;
  private final Instant openedAt;
  private AppealStatus status;
  private String closedBy;
  private Instant closedAt;
  private String idempotencyKey;
  private String requestHash;

  /** As stored, with the counters read beside it. */
  record Stored(long id, int version, String title, AppealKind kind, String itemCode, long target, Instant deadline,
      List<String> siteCodes, String areaCode, AppealStatus status, String openedBy, Instant openedAt,
      String closedBy, Instant closedAt, String idempotencyKey, String requestHash) {}

  private Appeal(String title, AppealKind kind, String itemCode, long target, Instant deadline, List<String> siteCodes,
      String areaCode, String openedBy, Instant openedAt) {
    this.title = title;
    this.kind = kind;
    this.itemCode = itemCode;
    this.target = target;
    this.deadline = deadline;
    this.siteCodes = List.copyOf(siteCodes);
    this.areaCode = areaCode;
    this.openedBy = openedBy;
    this.openedAt = openedAt;
    this.status = AppealStatus.OPEN;
  }

  Appeal(Stored s) {
    this(s.title(), s.kind(), s.itemCode(), s.target(), s.deadline(), s.siteCodes(), s.areaCode(), s.openedBy(),
        s.openedAt());
    this.id = s.id();
    this.version = s.version();
    this.status = s.status();
    this.closedBy = s.closedBy();
    this.closedAt = s.closedAt();
    this.idempotencyKey = s.idempotencyKey();
    this.requestHash = s.requestHash();
  }

  /**
   * A new appeal, open at once. {@code target}: fen for money, units of the item for goods;
   * {@code areaCode}: the street whose office opened it, null for the donation desk.
   */
  static Appeal open(String title, AppealKind kind, String itemCode, long target, Instant deadline,
      List<String> siteCodes, String areaCode, String actor, Instant at) {
    if (target <= 0) {
      throw new IllegalArgumentException("An appeal's target is positive");
    }
    if ((kind == AppealKind.GOODS) != (itemCode != null)) {
      throw new IllegalArgumentException("A goods appeal names its item, a money appeal none");
    }
    return new Appeal(title, kind, itemCode, target, deadline, siteCodes, areaCode, actor, at);
  }

  /** No more pledges: 409 if it is closed already. What was pledged is still delivered and received. */
  void close(String actor, Instant at) {
    if (status == AppealStatus.CLOSED) {
      throw new ConflictException("The appeal is closed already");
    }
    status = AppealStatus.CLOSED;
    closedBy = actor;
    closedAt = at;
  }

  /**
   * The caller's {@code Idempotency-Key} and the fingerprint of its request, kept with a new
   * appeal: the same request again under that key is answered with this appeal.
   */
  void rememberRequest(String key, String hash) {
    if (id != null) {
      throw new IllegalStateException("The request is remembered with a new appeal only");
    }
    idempotencyKey = key;
    requestHash = hash;
  }

  /**
   * The deadline passed, or is about to, and whoever decides on the appeal gives donors more time:
   * 409 if it is closed (a closed appeal takes no pledges, so it has no deadline to move).
   */
  void extendDeadline(Instant newDeadline, Instant at) {
    if (status == AppealStatus.CLOSED) {
      throw new ConflictException("The appeal is closed: its deadline cannot be extended");
    }
    if (!newDeadline.isAfter(at)) {
      throw new IllegalArgumentException("An appeal's new deadline lies in the future");
    }
    deadline = newDeadline;
  }

  void inserted(long newId) {
    this.id = newId;
  }

  void updated() {
    version++;
  }

  Long id() {
    return id;
  }

  int version() {
    return version;
  }

  String title() {
    return title;
  }

  AppealKind kind() {
    return kind;
  }

  String itemCode() {
    return itemCode;
  }

  long target() {
    return target;
  }

  Instant deadline() {
    return deadline;
  }

  List<String> siteCodes() {
    return siteCodes;
  }

  /**
   * Who decides on the appeal in Tasklist (its target reached, its deadline): the donation desk,
   * and the street office that opened it, which may close it too ({@code DonationAccess}). Camunda
   * candidate groups, comma-separated.
   */
  String decidingGroups() {
    return areaCode == null ? Groups.DONATION_DESK : Groups.DONATION_DESK + "," + Groups.street(areaCode);
  }

  String areaCode() {
    return areaCode;
  }

  AppealStatus status() {
    return status;
  }

  String openedBy() {
    return openedBy;
  }

  Instant openedAt() {
    return openedAt;
  }

  String closedBy() {
    return closedBy;
  }

  Instant closedAt() {
    return closedAt;
  }

  String idempotencyKey() {
    return idempotencyKey;
  }

  String requestHash() {
    return requestHash;
  }
}
