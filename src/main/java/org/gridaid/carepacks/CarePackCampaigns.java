package org.gridaid.carepacks;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The module's tables: campaigns (one statement a save, with an optimistic version), their grids,
 * the kinds of household and what each gets, the stock lines per grid, and one row per household
 * and pack type. Households are written and changed in sets (multi-row inserts, batches), never a
 * statement each.
 */
@Repository
class CarePackCampaigns {

  /** Rows of one multi-row insert of households: 6 parameters each, well below every driver's limit. */
  private static final int ROWS_PER_INSERT = 1000;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final boolean postgres;

  CarePackCampaigns(JdbcClient jdbc, JdbcTemplate batch, DataSource dataSource) throws MetaDataAccessException {
    this.jdbc = jdbc;
    this.batch = batch;
    this.postgres = "PostgreSQL".equals(
        JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
  }

  // ---- campaigns ------------------------------------------------------------------------------

  Campaign save(Campaign c) {
    if (c.id() == null) {
      return insert(c, null, null);
    }
    int changed = jdbc.sql("""
            update care_pack_campaign set status = ?, planned_at = ?, completed_at = ?, version = version + 1
            where id = ? and version = ?""")
        .params(c.status().name(), ts(c.plannedAt()), ts(c.completedAt()), c.id(), c.version()).update();
    if (changed != 1) {
      throw new OptimisticLockingFailureException("Campaign " + c.id() + " changed at the same moment");
    }
    return find(c.id()).orElseThrow();
  }

  /**
   * A new campaign, with the starter's Idempotency-Key and the hash of what they sent (both null
   * without a key); a second campaign under the same key of the same starter breaks
   * care_pack_campaign_idempotency.
   */
  Campaign insert(Campaign c, String idempotencyKey, String requestHash) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into care_pack_campaign (name, pack_types, grid_codes, deadline, status, started_by, started_at,
              planned_at, completed_at, idempotency_key, request_hash, version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
        .params(c.name(), String.join(",", c.packTypes().stream().map(Enum::name).toList()),
            String.join(",", c.areaCodes()), ts(c.deadline()), c.status().name(), c.startedBy(), ts(c.startedAt()),
            ts(c.plannedAt()), ts(c.completedAt()), idempotencyKey, requestHash)
        .update(keys, "id");
    return c.withId(keys.getKey().longValue());
  }

  /** The campaign a starter started under an Idempotency-Key, with the hash of what they sent. */
  record Keyed(long id, String requestHash) {}

  Optional<Keyed> findByKey(String startedBy, String idempotencyKey) {
    return jdbc.sql("select id, request_hash from care_pack_campaign where started_by = ? and idempotency_key = ?")
        .params(startedBy, idempotencyKey)
        .query((rs, row) -> new Keyed(rs.getLong("id"), rs.getString("request_hash"))).optional();
  }

  Optional<Campaign> find(long id) {
    return jdbc.sql("select * from care_pack_campaign where id = ?").param(id).query(this::campaign).optional();
  }

  private Campaign campaign(ResultSet rs, int row) throws SQLException {
    return new Campaign(rs.getLong("id"), rs.getString("name"),
        Arrays.stream(rs.getString("pack_types").split(",")).map(PackType::valueOf).toList(),
        Arrays.asList(rs.getString("grid_codes").split(",")), instant(rs, "deadline"),
        CampaignStatus.valueOf(rs.getString("status")), rs.getString("started_by"), instant(rs, "started_at"),
        instant(rs, "planned_at"), instant(rs, "completed_at"), rs.getInt("version"));
  }

  // ---- grids ----------------------------------------------------------------------------------

  void insertGrids(List<CampaignGrid> grids) {
    batch.batchUpdate("""
        insert into care_pack_grid (campaign_id, grid_code, status, site_code, shortage, households)
        values (?, ?, ?, ?, ?, ?)""", grids.stream().map(g -> new Object[] {g.campaignId(), g.gridCode(),
        g.status().name(), g.siteCode(), shortage(g.shortage()), g.households()}).toList());
  }

  List<CampaignGrid> grids(long campaignId) {
    return jdbc.sql("select * from care_pack_grid where campaign_id = ? order by grid_code").param(campaignId)
        .query(this::grid).list();
  }

  Optional<CampaignGrid> grid(long campaignId, String gridCode) {
    return jdbc.sql("select * from care_pack_grid where campaign_id = ? and grid_code = ?")
        .params(campaignId, gridCode).query(this::grid).optional();
  }

  /** The grid moves on, if it is where the caller found it; false when somebody moved it meanwhile. */
  boolean moveGrid(long campaignId, String gridCode, GridStatus from, GridStatus to) {
    return jdbc.sql("update care_pack_grid set status = ? where campaign_id = ? and grid_code = ? and status = ?")
        .params(to.name(), campaignId, gridCode, from.name()).update() == 1;
  }

  void stocked(long campaignId, String gridCode, String siteCode, Map<String, Integer> shortage) {
    jdbc.sql("update care_pack_grid set site_code = ?, shortage = ? where campaign_id = ? and grid_code = ?")
        .params(siteCode, shortage(shortage), campaignId, gridCode).update();
  }

  /** An appeal the grid's shortage of the item opened, for {@code quantity}. */
  void appealOpened(long campaignId, String gridCode, String itemCode, long appealId, int quantity, String actor,
      Instant at) {
    jdbc.sql("""
            insert into care_pack_appeal (appeal_id, campaign_id, grid_code, item_code, quantity, opened_by, opened_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(appealId, campaignId, gridCode, itemCode, quantity, actor, ts(at)).update();
  }

  /** The appeals the grid's shortage opened, per item, oldest first. */
  Map<String, List<Long>> appeals(long campaignId, String gridCode) {
    Map<String, List<Long>> appeals = new LinkedHashMap<>();
    jdbc.sql("select item_code, appeal_id from care_pack_appeal where campaign_id = ? and grid_code = ?"
            + " order by item_code, appeal_id")
        .params(campaignId, gridCode).query(rs -> {
          appeals.computeIfAbsent(rs.getString("item_code"), k -> new ArrayList<>()).add(rs.getLong("appeal_id"));
        });
    return appeals;
  }

  void handedOver(long campaignId, String gridCode, String actor, Instant at) {
    jdbc.sql("""
            update care_pack_grid set status = ?, handed_over_by = ?, handed_over_at = ?
            where campaign_id = ? and grid_code = ?""")
        .params(GridStatus.DELIVERING.name(), actor, ts(at), campaignId, gridCode).update();
  }

  void gridCompleted(long campaignId, String gridCode, Instant at) {
    jdbc.sql("update care_pack_grid set status = ?, completed_at = ? where campaign_id = ? and grid_code = ?")
        .params(GridStatus.COMPLETED.name(), ts(at), campaignId, gridCode).update();
  }

  private CampaignGrid grid(ResultSet rs, int row) throws SQLException {
    return new CampaignGrid(rs.getLong("campaign_id"), rs.getString("grid_code"),
        GridStatus.valueOf(rs.getString("status")), rs.getString("site_code"), shortage(rs.getString("shortage")),
        rs.getInt("households"), rs.getString("handed_over_by"), instant(rs, "handed_over_at"),
        instant(rs, "completed_at"));
  }

  private static String shortage(Map<String, Integer> shortage) {
    return shortage.isEmpty() ? null : String.join(";", shortage.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).toList());
  }

  private static Map<String, Integer> shortage(String text) {
    Map<String, Integer> shortage = new LinkedHashMap<>();
    if (text != null) {
      for (String part : text.split(";")) {
        String[] kv = part.split("=");
        shortage.put(kv[0], Integer.parseInt(kv[1]));
      }
    }
    return shortage;
  }

  // ---- kinds of household and what they get ---------------------------------------------------

  record Kind(int kindNo, PackType packType, String recipientGroup, boolean vulnerable, int size,
      Map<String, Integer> items) {}

  void insertKinds(long campaignId, Collection<Kind> kinds) {
    batch.batchUpdate("""
        insert into care_pack_kind (campaign_id, kind_no, pack_type, recipient_group, vulnerable, household_size)
        values (?, ?, ?, ?, ?, ?)""", kinds.stream().map(k -> new Object[] {campaignId, k.kindNo(),
        k.packType().name(), k.recipientGroup(), k.vulnerable(), k.size()}).toList());
    List<Object[]> items = new ArrayList<>();
    kinds.forEach(k -> k.items().forEach((item, quantity) -> items.add(new Object[] {campaignId, k.kindNo(), item,
        quantity})));
    batch.batchUpdate("insert into care_pack_kind_item (campaign_id, kind_no, item_code, quantity) values (?, ?, ?, ?)",
        items);
  }

  /** One household's pack, as planned. */
  record NewDelivery(long householdId, PackType packType, String gridCode, String recipientGroup, int kindNo) {}

  /**
   * On PostgreSQL one statement per 50,000 rows, their columns as arrays ({@code unnest}): a
   * multi-row insert of 200,000 rows took 5 s there, its thousands of parameters bound one by one.
   */
  void insertDeliveries(long campaignId, List<NewDelivery> deliveries) {
    if (postgres) {
      for (int from = 0; from < deliveries.size(); from += 50_000) {
        List<NewDelivery> chunk = deliveries.subList(from, Math.min(deliveries.size(), from + 50_000));
        batch.execute((java.sql.Connection c) -> {
          try (var insert = c.prepareStatement("""
              insert into care_pack_delivery (campaign_id, household_id, pack_type, grid_code, recipient_group, kind_no)
              select ?, * from unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int[])""")) {
            insert.setLong(1, campaignId);
            insert.setArray(2, c.createArrayOf("bigint", chunk.stream().map(NewDelivery::householdId).toArray()));
            insert.setArray(3, c.createArrayOf("varchar", chunk.stream().map(d -> d.packType().name()).toArray()));
            insert.setArray(4, c.createArrayOf("varchar", chunk.stream().map(NewDelivery::gridCode).toArray()));
            insert.setArray(5, c.createArrayOf("varchar", chunk.stream().map(NewDelivery::recipientGroup).toArray()));
            insert.setArray(6, c.createArrayOf("integer", chunk.stream().map(NewDelivery::kindNo).toArray()));
            return insert.executeUpdate();
          }
        });
      }
      return;
    }
    for (int from = 0; from < deliveries.size(); from += ROWS_PER_INSERT) {
      List<NewDelivery> chunk = deliveries.subList(from, Math.min(deliveries.size(), from + ROWS_PER_INSERT));
      StringBuilder sql = new StringBuilder("insert into care_pack_delivery (campaign_id, household_id, pack_type,"
          + " grid_code, recipient_group, kind_no) values ");
      List<Object> params = new ArrayList<>(chunk.size() * 6);
      for (int i = 0; i < chunk.size(); i++) {
        NewDelivery d = chunk.get(i);
        sql.append(i == 0 ? "(?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?)");
        params.addAll(List.of(campaignId, d.householdId(), d.packType().name(), d.gridCode(), d.recipientGroup(),
            d.kindNo()));
      }
      batch.update(sql.toString(), params.toArray());
    }
  }

  // ---- stock lines ----------------------------------------------------------------------------

  record Line(String gridCode, String itemCode, int quantity, Long reservationId, int issued, int returned) {}

  /** What every grid's packs take of each item, summed from its households' kinds. */
  Map<String, Map<String, Integer>> needs(long campaignId) {
    Map<String, Map<String, Integer>> needs = new LinkedHashMap<>();
    jdbc.sql("""
            select d.grid_code, k.item_code, sum(k.quantity) as quantity
            from care_pack_delivery d join care_pack_kind_item k on k.campaign_id = d.campaign_id and k.kind_no = d.kind_no
            where d.campaign_id = ? group by d.grid_code, k.item_code order by d.grid_code, k.item_code""")
        .param(campaignId).query(rs -> {
          needs.computeIfAbsent(rs.getString("grid_code"), g -> new LinkedHashMap<>())
              .put(rs.getString("item_code"), rs.getInt("quantity"));
        });
    return needs;
  }

  void insertLines(long campaignId, List<Line> lines) {
    batch.batchUpdate("""
        insert into care_pack_line (campaign_id, grid_code, item_code, quantity, reservation_id)
        values (?, ?, ?, ?, ?)""", lines.stream().map(l -> new Object[] {campaignId, l.gridCode(), l.itemCode(),
        l.quantity(), l.reservationId()}).toList());
  }

  void reserved(long campaignId, String gridCode, String itemCode, long reservationId) {
    jdbc.sql("update care_pack_line set reservation_id = ? where campaign_id = ? and grid_code = ? and item_code = ?")
        .params(reservationId, campaignId, gridCode, itemCode).update();
  }

  void issued(long campaignId, String gridCode, String itemCode, int quantity) {
    jdbc.sql("update care_pack_line set issued = ? where campaign_id = ? and grid_code = ? and item_code = ?")
        .params(quantity, campaignId, gridCode, itemCode).update();
  }

  void returned(long campaignId, String gridCode, String itemCode, int quantity) {
    jdbc.sql("update care_pack_line set returned = ? where campaign_id = ? and grid_code = ? and item_code = ?")
        .params(quantity, campaignId, gridCode, itemCode).update();
  }

  List<Line> lines(long campaignId, String gridCode) {
    return jdbc.sql("select * from care_pack_line where campaign_id = ? and grid_code = ? order by item_code")
        .params(campaignId, gridCode).query(this::line).list();
  }

  List<Line> lines(long campaignId) {
    return jdbc.sql("select * from care_pack_line where campaign_id = ? order by grid_code, item_code")
        .param(campaignId).query(this::line).list();
  }

  private Line line(ResultSet rs, int row) throws SQLException {
    long reservation = rs.getLong("reservation_id");
    return new Line(rs.getString("grid_code"), rs.getString("item_code"), rs.getInt("quantity"),
        rs.wasNull() ? null : reservation, rs.getInt("issued"), rs.getInt("returned"));
  }

  /** Of each item of the grid, what went to households that have their pack (the kinds' contents). */
  Map<String, Integer> deliveredItems(long campaignId, String gridCode) {
    Map<String, Integer> items = new LinkedHashMap<>();
    jdbc.sql("""
            select k.item_code, sum(k.quantity) as quantity
            from care_pack_delivery d join care_pack_kind_item k on k.campaign_id = d.campaign_id and k.kind_no = d.kind_no
            where d.campaign_id = ? and d.grid_code = ? and d.outcome = 'DELIVERED' group by k.item_code""")
        .params(campaignId, gridCode).query(rs -> {
          items.put(rs.getString("item_code"), rs.getInt("quantity"));
        });
    return items;
  }

  /** Each item of the campaign: how much the delivered packs held. */
  Map<String, Integer> deliveredItems(long campaignId) {
    Map<String, Integer> items = new LinkedHashMap<>();
    jdbc.sql("""
            select k.item_code, sum(k.quantity) as quantity
            from care_pack_delivery d join care_pack_kind_item k on k.campaign_id = d.campaign_id and k.kind_no = d.kind_no
            where d.campaign_id = ? and d.outcome = 'DELIVERED' group by k.item_code""")
        .param(campaignId).query(rs -> {
          items.put(rs.getString("item_code"), rs.getInt("quantity"));
        });
    return items;
  }

  // ---- households -----------------------------------------------------------------------------

  /** A household's pack as it stands. */
  record Door(long householdId, PackType packType, String gridCode, String recipientGroup, int kindNo,
      DoorOutcome outcome, int attempt, boolean settled, String recordedBy, Instant recordedAt) {}

  /** The packs of these households in the campaign; households it does not have are left out. */
  List<Door> doors(long campaignId, Collection<Long> householdIds) {
    List<Door> doors = new ArrayList<>();
    List<Long> ids = List.copyOf(householdIds);
    for (int from = 0; from < ids.size(); from += 1000) {
      doors.addAll(jdbc.sql("select * from care_pack_delivery where campaign_id = :campaign and household_id in (:ids)")
          .param("campaign", campaignId).param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
          .query(this::door).list());
    }
    return doors;
  }

  /** The grid's packs, by household; {@code openOnly}: those without a final outcome. */
  List<Door> doorsOfGrid(long campaignId, String gridCode, boolean openOnly) {
    return jdbc.sql("select * from care_pack_delivery where campaign_id = ? and grid_code = ?"
            + (openOnly ? " and final = false" : "") + " order by household_id, pack_type")
        .params(campaignId, gridCode).query(this::door).list();
  }

  private Door door(ResultSet rs, int row) throws SQLException {
    String outcome = rs.getString("outcome");
    return new Door(rs.getLong("household_id"), PackType.valueOf(rs.getString("pack_type")), rs.getString("grid_code"),
        rs.getString("recipient_group"), rs.getInt("kind_no"), outcome == null ? null : DoorOutcome.valueOf(outcome),
        rs.getInt("attempt"), rs.getBoolean("final"), rs.getString("recorded_by"), instant(rs, "recorded_at"));
  }

  /** A door's new outcome, each changed only from the outcome and attempt it was read with. */
  record Recording(long householdId, PackType packType, DoorOutcome outcome, int attempt, boolean settled,
      DoorOutcome was, int wasAttempt) {}

  /** Writes the recordings in one batch; the number written (a door somebody else changed meanwhile is not). */
  int record(long campaignId, List<Recording> recordings, String actor, Instant at) {
    int[][] counts = batch.batchUpdate("""
            update care_pack_delivery set outcome = ?, attempt = ?, final = ?, recorded_by = ?, recorded_at = ?
            where campaign_id = ? and household_id = ? and pack_type = ?
              and coalesce(outcome, '-') = ? and attempt = ?""", recordings, 500, (ps, r) -> {
          ps.setString(1, r.outcome().name());
          ps.setInt(2, r.attempt());
          ps.setBoolean(3, r.settled());
          ps.setString(4, actor);
          ps.setTimestamp(5, Timestamp.from(at));
          ps.setLong(6, campaignId);
          ps.setLong(7, r.householdId());
          ps.setString(8, r.packType().name());
          ps.setString(9, r.was() == null ? "-" : r.was().name());
          ps.setInt(10, r.wasAttempt());
        });
    int written = 0;
    for (int[] chunk : counts) {
      for (int c : chunk) {
        written += c < 0 ? 1 : c; // SUCCESS_NO_INFO counts as written
      }
    }
    return written;
  }

  /** How many of the grid's packs have no final outcome. */
  int openDoors(long campaignId, String gridCode) {
    return jdbc.sql("select count(*) from care_pack_delivery where campaign_id = ? and grid_code = ? and final = false")
        .params(campaignId, gridCode).query(Integer.class).single();
  }

  // ---- the report -----------------------------------------------------------------------------

  /** Per grid, group and pack type: households, and how many have each outcome (null: none yet). */
  record Count(String gridCode, String recipientGroup, PackType packType, DoorOutcome outcome, int households) {}

  List<Count> counts(long campaignId) {
    return jdbc.sql("""
            select grid_code, recipient_group, pack_type, outcome, count(*) as households from care_pack_delivery
            where campaign_id = ? group by grid_code, recipient_group, pack_type, outcome""")
        .param(campaignId).query((rs, row) -> {
          String outcome = rs.getString("outcome");
          return new Count(rs.getString("grid_code"), rs.getString("recipient_group"),
              PackType.valueOf(rs.getString("pack_type")), outcome == null ? null : DoorOutcome.valueOf(outcome),
              rs.getInt("households"));
        }).list();
  }

  private static Timestamp ts(Instant at) {
    return at == null ? null : Timestamp.from(at);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }
}
