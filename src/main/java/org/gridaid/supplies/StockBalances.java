package org.gridaid.supplies;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridaid.shared.jdbc.Filters;
import org.gridaid.shared.jdbc.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The balances that follow from the movements: {@code stock_balance} (on hand and reserved of an
 * item at a site) and {@code stock_lot} (on hand by batch). Never loaded and saved back: every
 * change is one conditional update that the database decides on the row it locks, so that two
 * transactions can never both take the last box, and a change that would make a balance
 * negative or promise more than is on hand changes nothing (the caller is told by the count of
 * rows). The table's CHECK constraints say the same once more.
 *
 * <p>Locks are taken in one order, so that commands never wait for each other in a circle
 * (PostgreSQL would end one of them as a deadlock): a reservation, then the balances a command
 * changes (of two sites, a transfer, the smaller site code first), then their batches. A site's
 * balance of an item is the lock of its batches: a command changes the balance before it touches
 * them, so batches are only ever changed by the one transaction that holds their balance.
 * {@code StockConcurrencyTests} runs every command at once.
 */
@Repository
class StockBalances {

  private final JdbcClient jdbc;
  private final Savepoints savepoints;

  StockBalances(JdbcClient jdbc, Savepoints savepoints) {
    this.jdbc = jdbc;
    this.savepoints = savepoints;
  }

  // ---- balances -----------------------------------------------------------------------------

  /** Promises {@code quantity} if that much is still free: the one statement every reservation rests on. */
  boolean reserve(String site, String item, int quantity) {
    return jdbc.sql("""
            update stock_balance set reserved = reserved + ?
            where site_code = ? and item_code = ? and on_hand - reserved >= ?""")
        .params(quantity, site, item, quantity).update() == 1;
  }

  /**
   * How much of the item the site can still promise, its balance locked until the transaction
   * ends; empty when the site never had the item. For {@link ReservationLanes}, which promise
   * for many at once.
   */
  Optional<Integer> freeForUpdate(String site, String item) {
    return jdbc.sql("select on_hand - reserved from stock_balance where site_code = ? and item_code = ? for update")
        .params(site, item).query(Integer.class).optional();
  }

  /** Promises {@code quantity} more of a balance the caller has locked and found free enough. */
  void promise(String site, String item, int quantity) {
    expectOne(jdbc.sql("""
            update stock_balance set reserved = reserved + ?
            where site_code = ? and item_code = ? and on_hand - reserved >= ?""")
        .params(quantity, site, item, quantity).update(), "promise", site, item);
  }

  /** Takes back a promise of {@code quantity}. */
  void unreserve(String site, String item, int quantity) {
    expectOne(jdbc.sql("""
            update stock_balance set reserved = reserved - ?
            where site_code = ? and item_code = ? and reserved >= ?""")
        .params(quantity, site, item, quantity).update(), "unreserve", site, item);
  }

  /** {@code issued} leaves the site out of the {@code promised} of a reservation; the rest is free again. */
  void issue(String site, String item, int issued, int promised) {
    expectOne(jdbc.sql("""
            update stock_balance set on_hand = on_hand - ?, reserved = reserved - ?
            where site_code = ? and item_code = ? and reserved >= ? and on_hand >= ?""")
        .params(issued, promised, site, item, promised, issued).update(), "issue", site, item);
  }

  /** Adds to what is on hand, making the site's balance of the item if it has none yet. */
  void add(String site, String item, int quantity) {
    String sql = "update stock_balance set on_hand = on_hand + ? where site_code = ? and item_code = ?";
    if (jdbc.sql(sql).params(quantity, site, item).update() == 0) {
      ensure(site, item);
      expectOne(jdbc.sql(sql).params(quantity, site, item).update(), "add", site, item);
    }
  }

  /** Takes {@code quantity} off what is on hand if that much is not promised; false (nothing changed) if it is. */
  boolean takeFree(String site, String item, int quantity) {
    return jdbc.sql("""
            update stock_balance set on_hand = on_hand - ?
            where site_code = ? and item_code = ? and on_hand - reserved >= ?""")
        .params(quantity, site, item, quantity).update() == 1;
  }

  /** The site's balance of the item; zero for one it never had. */
  StockLevel level(String site, String item) {
    return jdbc.sql("select on_hand, reserved from stock_balance where site_code = ? and item_code = ?")
        .params(site, item).query((rs, row) -> new StockLevel(site, item, rs.getInt("on_hand"), rs.getInt("reserved")))
        .optional().orElse(new StockLevel(site, item, 0, 0));
  }

  private void ensure(String site, String item) {
    savepoints.insertIfAbsent(() -> jdbc.sql(
            "insert into stock_balance (site_code, item_code, on_hand, reserved) values (?, ?, 0, 0)")
        .params(site, item).update());
  }

  // ---- lots ---------------------------------------------------------------------------------

  /** Which batch goes first: the one that expires first, goods without an expiry last. */
  static final Comparator<Lot> FIRST_TO_EXPIRE = Comparator.comparing(Lot::expiry,
      Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Lot::batch);

  /**
   * The site's batches of the item that have stock, those that expire first first (goods
   * without an expiry last). Read under the lock of the site's balance of the item, which the
   * caller has changed already.
   */
  List<Lot> lots(String site, String item) {
    List<Lot> lots = new ArrayList<>(jdbc.sql("""
            select batch, expiry, on_hand from stock_lot where site_code = ? and item_code = ? and on_hand > 0""")
        .params(site, item).query(StockBalances::lot).list());
    lots.sort(FIRST_TO_EXPIRE);
    return lots;
  }

  /** One batch of the item at the site, read under the lock of the site's balance of the item. */
  Optional<Lot> lot(String site, String item, String batch) {
    return jdbc.sql("select batch, expiry, on_hand from stock_lot where site_code = ? and item_code = ? and batch = ?")
        .params(site, item, Lot.key(batch)).query(StockBalances::lot).optional();
  }

  /** Adds to a batch at the site, making the batch (and the site's balance of the item) if it is new. */
  void addToLot(String site, String item, String batch, LocalDate expiry, int quantity) {
    String sql = "update stock_lot set on_hand = on_hand + ? where site_code = ? and item_code = ? and batch = ?";
    if (jdbc.sql(sql).params(quantity, site, item, Lot.key(batch)).update() == 0) {
      ensure(site, item);
      savepoints.insertIfAbsent(() -> jdbc.sql(
              "insert into stock_lot (site_code, item_code, batch, expiry, on_hand) values (?, ?, ?, ?, 0)")
          .params(site, item, Lot.key(batch), expiry).update());
      expectOne(jdbc.sql(sql).params(quantity, site, item, Lot.key(batch)).update(), "add to lot", site, item);
    }
  }

  /** Takes from a batch the caller found large enough. */
  void takeFromLot(String site, String item, String batch, int quantity) {
    expectOne(jdbc.sql("""
            update stock_lot set on_hand = on_hand - ?
            where site_code = ? and item_code = ? and batch = ? and on_hand >= ?""")
        .params(quantity, site, item, Lot.key(batch), quantity).update(), "take from lot", site, item);
  }

  /** A batch of an item as the ledger knows it, wherever it is: its expiry, if it has one. */
  record KnownBatch(LocalDate expiry) {}

  /** The batch of the item, if any site ever had it; a batch keeps one expiry everywhere. */
  Optional<KnownBatch> knownBatch(String item, String batch) {
    return jdbc.sql("select expiry from stock_lot where item_code = ? and batch = ? fetch first 1 rows only")
        .params(item, Lot.key(batch)).query((rs, row) -> new KnownBatch(rs.getObject("expiry", LocalDate.class)))
        .optional();
  }

  private static Lot lot(ResultSet rs, int row) throws SQLException {
    return new Lot(rs.getString("batch"), rs.getObject("expiry", LocalDate.class), rs.getInt("on_hand"));
  }

  /** An update that the movements already made sure of matched no row: the ledger is broken, nothing is saved. */
  private static void expectOne(int updated, String what, String site, String item) {
    if (updated != 1) {
      throw new IllegalStateException("Stock ledger: " + what + " of " + item + " at " + site
          + " found no balance to change; the balances no longer follow the movements");
    }
  }

  // ---- views --------------------------------------------------------------------------------

  /** A site's stock of an item with the batches that have some, the first to expire first. */
  record Line(StockLevel level, List<Lot> lots) {}

  /** What the stock list filters by; null is "any", an empty site list none. */
  record Query(String siteCode, String itemCode, Collection<String> siteCodes, String category) {}

  /** A page of the balances, by site and item. */
  Page<Line> lines(Query query, int page, int size) {
    Page<StockLevel> levels = where(query).page(jdbc, SELECT_LEVELS, "b.site_code, b.item_code", page, size,
        StockBalances::level);
    return new Page<>(withLots(levels.items()), levels.page(), levels.size(), levels.total());
  }

  /** Every balance the query matches, by site and item. */
  List<Line> allLines(Query query) {
    return withLots(where(query).list(jdbc, SELECT_LEVELS, "b.site_code, b.item_code", StockBalances::level));
  }

  private static final String SELECT_LEVELS = """
      select b.site_code, b.item_code, b.on_hand, b.reserved from stock_balance b
        join supply_item i on i.code = b.item_code""";

  private static Filters where(Query query) {
    Filters where = new Filters().eq("b.site_code", query.siteCode()).eq("b.item_code", query.itemCode())
        .eq("i.category", query.category());
    return query.siteCodes() == null ? where : where.in("b.site_code", query.siteCodes());
  }

  private static StockLevel level(ResultSet rs, int row) throws SQLException {
    return new StockLevel(rs.getString("site_code"), rs.getString("item_code"), rs.getInt("on_hand"),
        rs.getInt("reserved"));
  }

  private List<Line> withLots(List<StockLevel> levels) {
    if (levels.isEmpty()) {
      return List.of();
    }
    Map<String, List<Lot>> lots = new LinkedHashMap<>();
    new Filters().in("site_code", levels.stream().map(StockLevel::siteCode).distinct().toList())
        .in("item_code", levels.stream().map(StockLevel::itemCode).distinct().toList()).add("on_hand > 0")
        .list(jdbc, "select site_code, item_code, batch, expiry, on_hand from stock_lot", "expiry nulls last, batch",
            (rs, row) -> {
              lots.computeIfAbsent(rs.getString("site_code") + "\n" + rs.getString("item_code"),
                  k -> new ArrayList<>()).add(lot(rs, row));
              return null;
            });
    return levels.stream()
        .map(l -> new Line(l, lots.getOrDefault(l.siteCode() + "\n" + l.itemCode(), List.of()))).toList();
  }

  /** How much of the item each site can still promise, for the sites with at least {@code quantity}. */
  Map<String, Integer> availableAt(String item, int quantity) {
    Map<String, Integer> available = new LinkedHashMap<>();
    jdbc.sql("""
            select site_code, on_hand - reserved as available from stock_balance
            where item_code = ? and on_hand - reserved >= ? order by site_code""")
        .params(item, quantity)
        .query((rs, row) -> available.put(rs.getString("site_code"), rs.getInt("available"))).list();
    return available;
  }
}
