package org.gridaid.carepacks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gridaid.carepacks.CarePackCampaigns.Count;
import org.gridaid.carepacks.CarePackCampaigns.Line;
import org.gridaid.register.RecipientGroup;
import org.gridaid.supplies.SupplyItem;
import org.gridaid.supplies.SupplyItems;

/**
 * A campaign as it stands: per grid, recipient group and pack type the households planned,
 * delivered and missed and the packs issued, delivered and returned; per item what the packs
 * took and what the stock ledger says left and came back. Live while the campaign runs, final
 * ({@code completed}) once every grid is done; {@code ledgerAgrees} when the ledger's issues and
 * returns are the module's, and, for a completed campaign, issued less returned is exactly what
 * the delivered packs held.
 */
record CampaignReport(long id, String name, CampaignStatus status, String statusLabel, List<PackType> packTypes,
    Instant deadline, String startedBy, Instant startedAt, Instant completedAt, boolean completed,
    List<GridView> grids, List<Row> rows, Totals totals, List<ItemRow> items, boolean ledgerAgrees) {

  record Shortage(String itemCode, int quantity) {}

  record GridView(String gridCode, GridStatus status, String statusLabel, String siteCode, int households,
      List<Shortage> shortage, String handedOverBy, Instant handedOverAt, Instant completedAt) {}

  /**
   * @param missed households whose pack has a final outcome other than delivered (refused, moved,
   *     and once the grid is done: nobody at home after every attempt)
   * @param notVisited households nobody recorded yet
   */
  record Row(String gridCode, String recipientGroup, String recipientGroupLabel, PackType packType,
      int householdsPlanned, int delivered, int notAtHome, int refused, int moved, int notVisited, int missed,
      int packsIssued, int packsDelivered, int packsReturned) {}

  /**
   * The campaign in all. {@code households}: the households of its grids, each once. The other
   * counts are per household and pack type, as the rows: a household that gets both pack types
   * counts twice in {@code householdsPlanned}, once per pack.
   */
  record Totals(int households, int householdsPlanned, int delivered, int missed, int notVisited, int packsIssued,
      int packsDelivered, int packsReturned) {}

  /**
   * @param issued what the ledger's movements of the campaign say left the sites
   * @param returned what they say came back
   * @param delivered what the delivered packs held (the kinds' contents)
   */
  record ItemRow(String itemCode, String itemName, String unit, int needed, int issued, int returned,
      int delivered, boolean agrees) {}

  static CampaignReport of(Campaign c, List<CampaignGrid> grids, List<Count> counts, List<Line> lines,
      Map<String, int[]> ledgerSays, Map<String, Integer> deliveredItems, SupplyItems items) {
    Map<String, CampaignGrid> byGrid = new LinkedHashMap<>();
    grids.forEach(g -> byGrid.put(g.gridCode(), g));
    record Key(String grid, String group, PackType pack) {}
    Map<Key, int[]> tally = new TreeMap<>((a, b) -> {
      int x = a.grid().compareTo(b.grid());
      x = x != 0 ? x : a.group().compareTo(b.group());
      return x != 0 ? x : a.pack().compareTo(b.pack());
    });
    for (Count count : counts) {
      int[] t = tally.computeIfAbsent(new Key(count.gridCode(), count.recipientGroup(), count.packType()),
          k -> new int[5]);
      t[count.outcome() == null ? 4 : count.outcome().ordinal()] += count.households();
    }
    List<Row> rows = new ArrayList<>();
    int planned = 0, delivered = 0, missed = 0, notVisited = 0, issued = 0, packsDelivered = 0, returned = 0;
    for (var entry : tally.entrySet()) {
      int[] t = entry.getValue();
      CampaignGrid grid = byGrid.get(entry.getKey().grid());
      boolean done = grid != null && grid.status() == GridStatus.COMPLETED;
      boolean handedOver = grid != null && grid.handedOverAt() != null;
      int total = t[0] + t[1] + t[2] + t[3] + t[4];
      int d = t[DoorOutcome.DELIVERED.ordinal()];
      int miss = done ? total - d : t[DoorOutcome.REFUSED.ordinal()] + t[DoorOutcome.MOVED.ordinal()];
      int packsOut = handedOver ? total : 0;
      int back = done && handedOver ? total - d : 0;
      String group = entry.getKey().group();
      rows.add(new Row(entry.getKey().grid(), group, RecipientGroup.valueOf(group).label(), entry.getKey().pack(),
          total, d, t[DoorOutcome.NOT_AT_HOME.ordinal()], t[DoorOutcome.REFUSED.ordinal()],
          t[DoorOutcome.MOVED.ordinal()], t[4], miss, packsOut, d, back));
      planned += total;
      delivered += d;
      missed += miss;
      notVisited += t[4];
      issued += packsOut;
      packsDelivered += d;
      returned += back;
    }
    boolean completed = c.status() == CampaignStatus.COMPLETED;
    Map<String, int[]> perItem = new TreeMap<>();
    for (Line line : lines) {
      int[] t = perItem.computeIfAbsent(line.itemCode(), k -> new int[5]);
      t[0] += line.quantity();
      t[3] += line.issued();
      t[4] += line.returned();
    }
    ledgerSays.forEach((item, t) -> {
      int[] mine = perItem.computeIfAbsent(item, k -> new int[5]);
      mine[1] += t[0];
      mine[2] += t[1];
    });
    List<ItemRow> itemRows = new ArrayList<>();
    boolean agrees = true;
    for (var entry : perItem.entrySet()) {
      int[] t = entry.getValue();
      int inPacks = deliveredItems.getOrDefault(entry.getKey(), 0);
      boolean same = t[1] == t[3] && t[2] == t[4] && (!completed || t[1] - t[2] == inPacks);
      agrees &= same;
      SupplyItem item = items.find(entry.getKey()).orElse(null);
      itemRows.add(new ItemRow(entry.getKey(), item == null ? entry.getKey() : item.name(),
          item == null ? null : item.unit(), t[0], t[1], t[2], inPacks, same));
    }
    List<GridView> gridViews = grids.stream().map(g -> new GridView(g.gridCode(), g.status(), g.status().label(),
        g.siteCode(), g.households(), g.shortage().entrySet().stream().map(e -> new Shortage(e.getKey(), e.getValue()))
        .toList(), g.handedOverBy(), g.handedOverAt(), g.completedAt())).toList();
    return new CampaignReport(c.id(), c.name(), c.status(), c.status().label(), c.packTypes(), c.deadline(),
        c.startedBy(), c.startedAt(), c.completedAt(), completed, gridViews, rows,
        new Totals(grids.stream().mapToInt(CampaignGrid::households).sum(), planned, delivered, missed, notVisited,
            issued, packsDelivered, returned), itemRows, agrees);
  }
}
