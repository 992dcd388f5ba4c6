package org.gridaid.carepacks;

import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.gridaid.carepacks.CarePackCampaigns.Door;
import org.gridaid.carepacks.CarePackCampaigns.Kind;
import org.gridaid.carepacks.CarePackCampaigns.Line;
import org.gridaid.carepacks.CarePackCampaigns.NewDelivery;
import org.gridaid.carepacks.CarePackCampaigns.Recording;
import org.gridaid.donations.GoodsAppeals;
import org.gridaid.organisation.Area;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.organisation.AreaLevel;
import org.gridaid.register.HouseholdRoster;
import org.gridaid.register.RecipientGroup;
import org.gridaid.security.Requester;
import org.gridaid.shared.engine.EngineUsers;
import org.gridaid.shared.validation.EnumCodeValidator;
import org.gridaid.shared.validation.FormCheck;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.NotFoundException;
import org.gridaid.supplies.Movement;
import org.gridaid.supplies.MovementKind;
import org.gridaid.supplies.Reference;
import org.gridaid.supplies.ReferenceType;
import org.gridaid.supplies.Reservation;
import org.gridaid.supplies.SiteKind;
import org.gridaid.supplies.StockLedger;
import org.gridaid.supplies.SupplyItems;
import org.gridaid.supplies.SupplySite;
import org.gridaid.supplies.SupplySites;
import org.gridaid.organisation.StaffRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The campaigns' commands, one transaction each. Starting one (REST or the Tasklist start form)
 * stores it and starts its process; the process's steps plan it (households from the register,
 * contents from the DMN table, stock reserved per grid at the nearest site that has all of it),
 * hand each grid's packs over, close its rounds and return what was not delivered. Doors are
 * recorded here from Tasklist's lists and the phone app's bulk posts alike.
 */
@Service
public class CarePackService {

  private static final Logger log = LoggerFactory.getLogger(CarePackService.class);
  /** The sites a grid's packs come from: warehouses and community centres, never a pharmacy. */
  static final Set<SiteKind> PACK_SITES = Set.of(SiteKind.WAREHOUSE, SiteKind.COMMUNITY_CENTRE);
  static final String NOT_DELIVERED = "未送出的物资包退回入库";

  private final CarePackCampaigns store;
  private final CarePackContents contents;
  private final HouseholdRoster roster;
  private final StockLedger ledger;
  private final SupplySites sites;
  private final SupplyItems items;
  private final GoodsAppeals appeals;
  private final AreaDirectory areas;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final Validator validator;
  private final Clock clock;
  private final CarePackSettings settings;
  private final TransactionTemplate transaction;

  CarePackService(CarePackCampaigns store, CarePackContents contents, HouseholdRoster roster, StockLedger ledger,
      SupplySites sites, SupplyItems items, GoodsAppeals appeals, AreaDirectory areas, RuntimeService runtime,
      ManagementService management, Validator validator, Clock clock, CarePackSettings settings,
      TransactionTemplate transaction) {
    this.store = store;
    this.contents = contents;
    this.roster = roster;
    this.ledger = ledger;
    this.sites = sites;
    this.items = items;
    this.appeals = appeals;
    this.areas = areas;
    this.runtime = runtime;
    this.management = management;
    this.validator = validator;
    this.clock = clock;
    this.settings = settings;
    this.transaction = transaction;
  }

  // ---- starting -------------------------------------------------------------------------------

  /** The campaign a start stored, and whether this answer repeats an earlier one for the same key. */
  public record Started(long id, boolean replayed) {}

  /**
   * A campaign asked for over REST: checked, stored and its process started in one transaction;
   * {@link #continueNow} then plans it for the caller who waits. Once per {@code idempotencyKey}
   * of the starter (none: every call starts one): sent again with the same key and
   * body ({@code requestHash}), it is answered with the campaign the first start stored, and
   * nothing is planned, reserved or started again; the same key with another body is a 409. Two
   * retries at the same moment are one campaign: the second insert breaks the key's unique
   * constraint, rolls back with its process, and is answered as the first.
   */
  public Started start(NewCampaign command, Requester starter, String idempotencyKey, String requestHash) {
    Optional<Started> replay = replay(starter.id(), idempotencyKey, requestHash);
    if (replay.isPresent()) {
      return replay.get();
    }
    try {
      long id = Objects.requireNonNull(transaction.execute(
          status -> startChecked(command, starter, idempotencyKey, requestHash)));
      return new Started(id, false);
    } catch (DataIntegrityViolationException e) {
      // the same key raced in on another thread or node: answer as that start was answered
      return replay(starter.id(), idempotencyKey, requestHash).orElseThrow(() -> e);
    }
  }

  private Optional<Started> replay(String startedBy, String key, String requestHash) {
    if (key == null) {
      return Optional.empty();
    }
    return store.findByKey(startedBy, key).map(earlier -> {
      if (!earlier.requestHash().equals(requestHash)) {
        throw new ConflictException("Idempotency-Key '" + key + "' was already used for a different campaign");
      }
      log.info("Care-pack campaign {}: a start sent again by {} under the same key, answered as the first",
          earlier.id(), startedBy);
      return new Started(earlier.id(), true);
    });
  }

  private long startChecked(NewCampaign command, Requester starter, String idempotencyKey, String requestHash) {
    FormCheck check = FormCheck.of(validator, command);
    List<String> grids = grids(check, command.areaCodes(), starter);
    if (command.deadline() != null && !command.deadline().isAfter(now())) {
      check.reject("deadline", "must be in the future");
    }
    Set<PackType> packs = new LinkedHashSet<>();
    for (int i = 0; i < command.packTypes().size(); i++) {
      if (!check.failed("packTypes[" + i + "]") && !packs.add(EnumCodeValidator.find(PackType.class,
          command.packTypes().get(i)))) {
        check.reject("packTypes[" + i + "]", "is listed twice");
      }
    }
    check.orThrow();
    Instant deadline = command.deadline() != null ? command.deadline() : now().plus(settings.deadline());
    return begin(Campaign.start(command.name(), List.copyOf(packs), grids, deadline, starter.id(), now()), true,
        idempotencyKey, requestHash);
  }

  /** What the Tasklist start form (start-care-pack-campaign.form) sends. */
  record StartFormFields(String name, String areaCodes, boolean livingSupplies, boolean breakfast,
      Object deadlineHours) {}

  /** 登记发放活动 of a Tasklist start: stored from the form; its process is the one already running. */
  @Transactional
  public long registerFromStartForm(StartFormFields fields, Requester starter) {
    List<String> codes = fields.areaCodes() == null ? List.of()
        : List.of(fields.areaCodes().split("[\\s,，、;；]+")).stream().filter(c -> !c.isBlank()).toList();
    List<String> packs = new ArrayList<>();
    if (fields.livingSupplies()) {
      packs.add(PackType.LIVING_SUPPLIES.name());
    }
    if (fields.breakfast()) {
      packs.add(PackType.BREAKFAST.name());
    }
    NewCampaign command = new NewCampaign(fields.name(), codes, packs, null);
    FormCheck check = FormCheck.of(validator, command);
    List<String> grids = grids(check, command.areaCodes(), starter);
    Duration within = settings.deadline();
    if (fields.deadlineHours() != null && !fields.deadlineHours().toString().isBlank()) {
      try {
        int hours = (int) Double.parseDouble(fields.deadlineHours().toString());
        if (hours < 1 || hours > 240) {
          check.reject("deadlineHours", "must be between 1 and 240");
        }
        within = Duration.ofHours(hours);
      } catch (NumberFormatException e) {
        check.reject("deadlineHours", "must be a number of hours");
      }
    }
    check.orThrow();
    return begin(Campaign.start(command.name(), packs.stream().map(PackType::valueOf).toList(), grids,
        now().plus(within), starter.id(), now()), false, null, null);
  }

  private long begin(Campaign campaign, boolean startProcess, String idempotencyKey, String requestHash) {
    Campaign saved = store.insert(campaign, idempotencyKey, requestHash);
    if (startProcess) {
      runtime.createProcessInstanceByKey(CarePackProcess.KEY)
          .businessKey(CarePackProcess.businessKey(saved.id()))
          .setVariables(routing(saved)).execute();
    }
    log.info("Care-pack campaign {} started by {} over {} grids", saved.id(), saved.startedBy(),
        saved.areaCodes().size());
    return saved.id();
  }

  /** The process's variables: the campaign and its deadline. */
  Map<String, Object> routing(Campaign campaign) {
    return io.holunda.camunda.bpm.data.CamundaBpmData.builder()
        .set(CarePackProcess.CAMPAIGN_ID, campaign.id())
        .set(CarePackProcess.DEADLINE, Date.from(campaign.deadline()))
        .build();
  }

  /**
   * The grids of the named areas (a grid itself, every grid of a community or street). A street
   * office starts campaigns for its own street; the district command and the administrator for any.
   */
  private List<String> grids(FormCheck check, List<String> areaCodes, Requester starter) {
    Set<String> grids = new LinkedHashSet<>();
    for (int i = 0; i < areaCodes.size(); i++) {
      String field = "areaCodes[" + i + "]";
      String code = areaCodes.get(i);
      if (code == null || check.failed(field)) {
        continue;
      }
      Optional<Area> area = areas.find(code);
      if (area.isEmpty() || area.get().level() == AreaLevel.MINIMAL_UNIT) {
        check.reject(field, "is not a grid, community, street or district of the register");
        continue;
      }
      if (starter != null && starter.hasRole(StaffRole.STREET)
          && areas.path(code).stream().noneMatch(a -> a.code().equals(starter.areaCode()))) {
        check.reject(field, "lies outside your street");
        continue;
      }
      areas.subtree(code).stream().filter(Area::isGrid).map(Area::code).forEach(grids::add);
    }
    if (grids.size() > settings.maxGrids()) {
      check.reject("areaCodes", "cover " + grids.size() + " grids; a campaign covers at most " + settings.maxGrids());
    }
    return List.copyOf(grids);
  }

  /** Runs the step after 登记发放活动 for a caller waiting on the line; a failure stays a job to retry. */
  public void continueNow(long campaignId) {
    var process = runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(CarePackProcess.businessKey(campaignId)).singleResult();
    if (process == null) {
      return;
    }
    for (Job next : management.createJobQuery().processInstanceId(process.getId())
        .activityId(CarePackProcess.STEP_REGISTER).executable().list()) {
      try {
        long started = System.nanoTime();
        management.executeJob(next.getId());
        log.info("Care-pack campaign {}: planned and its grids started in {} ms", campaignId,
            (System.nanoTime() - started) / 1_000_000);
      } catch (RuntimeException e) {
        log.warn("Care-pack campaign {} is stored; its planning failed and will be tried again: {}", campaignId,
            e.getMessage());
      }
    }
  }

  // ---- planning -------------------------------------------------------------------------------

  /**
   * 按台账核算: every household of the campaign's grids gets a row per pack type with the contents
   * of its kind; each grid's items are reserved at the nearest site that has all of them, or the
   * grid waits for stock with its exact shortage. Returns the grids that have households.
   */
  @Transactional
  public List<String> plan(long campaignId) {
    Campaign campaign = load(campaignId);
    Instant now = now();
    campaign.planned(now);
    long t0 = System.nanoTime();
    List<HouseholdRoster.Member> members = roster.inGrids(campaign.areaCodes());
    long t1 = System.nanoTime();

    record KindKey(PackType packType, RecipientGroup group, boolean vulnerable, int size) {}
    CarePackContents.Table table = contents.table();
    Map<KindKey, Kind> kinds = new LinkedHashMap<>();
    List<NewDelivery> deliveries = new ArrayList<>(members.size() * campaign.packTypes().size());
    Map<String, Map<String, Integer>> needs = new LinkedHashMap<>();
    Map<String, Integer> households = new LinkedHashMap<>();
    for (HouseholdRoster.Member m : members) {
      households.merge(m.gridCode(), 1, Integer::sum);
      for (PackType pack : campaign.packTypes()) {
        KindKey key = new KindKey(pack, m.group(), m.vulnerable(), m.size());
        Kind kind = kinds.computeIfAbsent(key, k -> new Kind(kinds.size() + 1, pack, m.group().name(),
            m.vulnerable(), m.size(), table.of(pack, m.group(), m.vulnerable(), m.size())));
        deliveries.add(new NewDelivery(m.householdId(), pack, m.gridCode(), m.group().name(), kind.kindNo()));
        Map<String, Integer> need = needs.computeIfAbsent(m.gridCode(), g -> new LinkedHashMap<>());
        kind.items().forEach((item, quantity) -> need.merge(item, quantity, Integer::sum));
      }
    }
    long t2 = System.nanoTime();
    store.insertKinds(campaignId, kinds.values());
    store.insertDeliveries(campaignId, deliveries);
    long t3 = System.nanoTime();

    // where each grid's packs come from, in memory first; then every covered grid reserved at once
    Stock stock = new Stock();
    Map<String, Supplied> supplied = new LinkedHashMap<>();
    needs.forEach((grid, need) -> supplied.put(grid, supply(grid, need, stock)));
    Map<String, Map<String, Long>> reserved = reserveCovered(campaignId, supplied, needs);
    List<CampaignGrid> grids = new ArrayList<>();
    List<Line> lines = new ArrayList<>();
    for (var entry : needs.entrySet()) {
      String grid = entry.getKey();
      Map<String, Long> ids = reserved.get(grid);
      Supplied s = supplied.get(grid);
      Map<String, Integer> shortage = ids != null ? Map.of() : s.shortage().isEmpty() ? entry.getValue()
          : s.shortage();
      grids.add(new CampaignGrid(campaignId, grid, ids != null ? GridStatus.PREPARING : GridStatus.AWAITING_STOCK,
          s.siteCode(), shortage, households.get(grid), null, null, null));
      entry.getValue().forEach((item, quantity) -> lines.add(new Line(grid, item, quantity,
          ids == null ? null : ids.get(item), 0, 0)));
    }
    long t4 = System.nanoTime();
    store.insertGrids(grids);
    store.insertLines(campaignId, lines);
    store.save(campaign);
    log.info("Care-pack campaign {} planning took: register {} ms, kinds {} ms, rows {} ms, stock {} ms, grids {} ms",
        campaignId, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000,
        (System.nanoTime() - t4) / 1_000_000);
    log.info("Care-pack campaign {} planned: {} households, {} packs, {} grids, {} waiting for stock", campaignId,
        members.size(), deliveries.size(), grids.size(), grids.stream().filter(g -> !g.covered()).count());
    return grids.stream().map(CampaignGrid::gridCode).toList();
  }

  /** The street a grid lies in: its office supervises the grid's overdue tasks. */
  String streetOf(String gridCode) {
    return areas.enclosing(gridCode, AreaLevel.STREET).map(Area::code)
        .orElseThrow(() -> new IllegalStateException("Grid " + gridCode + " lies in no street"));
  }

  /** The grids of the campaign's process, one sub-process each. */
  @Transactional(readOnly = true)
  public List<String> gridsOf(long campaignId) {
    return store.grids(campaignId).stream().map(CampaignGrid::gridCode).toList();
  }

  /** What the ledger can still promise at each site, read once and counted down by this command's reservations. */
  private final class Stock {
    private final Map<String, Integer> free = new HashMap<>();

    int available(String site, String item) {
      return free.computeIfAbsent(site + "|" + item, k -> ledger.level(site, item).available());
    }

    void take(String site, String item, int quantity) {
      free.merge(site + "|" + item, -quantity, Integer::sum);
    }
  }

  /** The site a grid's packs come from, and what it lacks there (empty: it has everything). */
  private record Supplied(String siteCode, Map<String, Integer> shortage) {}

  /**
   * The nearest site that has every item of the grid's packs (its community's centre, its
   * street's, the district's warehouse), counted down in {@code stock}; none has all: the site
   * that lacks least, and what it lacks.
   */
  private Supplied supply(String grid, Map<String, Integer> need, Stock stock) {
    SupplySite best = null;
    Map<String, Integer> bestShortage = null;
    for (SupplySite site : candidates(grid)) {
      Map<String, Integer> shortage = new LinkedHashMap<>();
      need.forEach((item, quantity) -> {
        int lacking = quantity - Math.max(0, stock.available(site.code(), item));
        if (lacking > 0) {
          shortage.put(item, lacking);
        }
      });
      if (shortage.isEmpty()) {
        need.forEach((item, quantity) -> stock.take(site.code(), item, quantity));
        return new Supplied(site.code(), Map.of());
      }
      int total = shortage.values().stream().mapToInt(Integer::intValue).sum();
      if (bestShortage == null || total < bestShortage.values().stream().mapToInt(Integer::intValue).sum()) {
        best = site;
        bestShortage = shortage;
      }
    }
    return new Supplied(best == null ? null : best.code(), bestShortage == null ? new LinkedHashMap<>(need)
        : bestShortage);
  }

  /**
   * Reserves the packs of every covered grid in one command of the ledger; should somebody have
   * taken stock meanwhile, grid by grid, and a grid that no longer fits waits for stock. Grid to
   * item to reservation id, for the grids reserved.
   */
  private Map<String, Map<String, Long>> reserveCovered(long campaignId, Map<String, Supplied> supplied,
      Map<String, Map<String, Integer>> needs) {
    List<String> covered = supplied.entrySet().stream().filter(e -> e.getValue().shortage().isEmpty())
        .map(Map.Entry::getKey).toList();
    Map<String, Map<String, Long>> reserved = new HashMap<>();
    List<StockLedger.Wanted> wanted = new ArrayList<>();
    covered.forEach(grid -> needs.get(grid).forEach((item, quantity) ->
        wanted.add(new StockLedger.Wanted(supplied.get(grid).siteCode(), item, quantity))));
    Optional<List<Reservation>> all = ledger.reserveAll(wanted, reference(campaignId), EngineUsers.SYSTEM);
    if (all.isPresent()) {
      int i = 0;
      for (String grid : covered) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String item : needs.get(grid).keySet()) {
          ids.put(item, all.get().get(i++).id());
        }
        reserved.put(grid, ids);
      }
      return reserved;
    }
    for (String grid : covered) {
      reserveGrid(campaignId, supplied.get(grid).siteCode(), needs.get(grid)).ifPresent(ids -> reserved.put(grid, ids));
    }
    return reserved;
  }

  /** Every item of one grid's packs at the site, or nothing. */
  private Optional<Map<String, Long>> reserveGrid(long campaignId, String site, Map<String, Integer> need) {
    List<StockLedger.Wanted> wanted = need.entrySet().stream()
        .map(e -> new StockLedger.Wanted(site, e.getKey(), e.getValue())).toList();
    return ledger.reserveAll(wanted, reference(campaignId), EngineUsers.SYSTEM).map(reservations -> {
      Map<String, Long> ids = new LinkedHashMap<>();
      for (Reservation r : reservations) {
        ids.put(r.itemCode(), r.id());
      }
      return ids;
    });
  }

  /** The pack sites serving a grid, nearest first: in its community, its street, its district. */
  private List<SupplySite> candidates(String grid) {
    List<Area> path = new ArrayList<>(areas.path(grid));
    path.sort(Comparator.comparingInt((Area a) -> a.level().ordinal()).reversed());
    List<SupplySite> candidates = new ArrayList<>();
    for (Area area : path) {
      sites.all().stream().filter(s -> s.active() && PACK_SITES.contains(s.kind()) && s.areaCode().equals(area.code()))
          .forEach(candidates::add);
    }
    return candidates;
  }

  static Reference reference(long campaignId) {
    return Reference.of(ReferenceType.CAMPAIGN, CarePackProcess.businessKey(campaignId));
  }

  /** 重新核对库存: the warehouse says stock came in; the grid's packs are reserved if there is enough now. */
  @Transactional
  public boolean recheckStock(long campaignId, String gridCode) {
    CampaignGrid grid = grid(campaignId, gridCode);
    if (grid.status() != GridStatus.AWAITING_STOCK) {
      return true;
    }
    Map<String, Integer> need = new LinkedHashMap<>();
    store.lines(campaignId, gridCode).forEach(l -> need.put(l.itemCode(), l.quantity()));
    Supplied supplied = supply(gridCode, need, new Stock());
    Optional<Map<String, Long>> ids = supplied.shortage().isEmpty()
        ? reserveGrid(campaignId, supplied.siteCode(), need) : Optional.empty();
    store.stocked(campaignId, gridCode, supplied.siteCode(), ids.isPresent() ? Map.of()
        : supplied.shortage().isEmpty() ? need : supplied.shortage());
    if (ids.isPresent()) {
      ids.get().forEach((item, id) -> store.reserved(campaignId, gridCode, item, id));
      store.moveGrid(campaignId, gridCode, GridStatus.AWAITING_STOCK, GridStatus.PREPARING);
      log.info("Care-pack campaign {}: grid {} has its stock now", campaignId, gridCode);
      return true;
    }
    return false;
  }

  /**
   * 按缺口数量发起募捐: one donation appeal per item the grid lacks, delivered to the site its packs
   * come from, for what it lacks less what the grid's earlier appeals of the item may still bring
   * in. The task comes back while stock is short, and a warehouse worker who ticks it again
   * expects the appeals already out to count, not a second appeal for the same eggs: an open
   * appeal still brings its target (what arrived of it is in stock, no longer short), a closed
   * one what donors pledged and have not delivered. So ticking again asks only for what grew
   * since, or what a closed appeal was never pledged; nothing while the appeals out cover it.
   * The shortage is the one the task shows (its last check). Returns the new appeals' ids.
   */
  @Transactional
  public List<Long> appealForShortage(long campaignId, String gridCode, String actor) {
    Campaign campaign = load(campaignId);
    CampaignGrid grid = grid(campaignId, gridCode);
    if (grid.covered() || grid.siteCode() == null) {
      return List.of();
    }
    Map<String, List<Long>> earlier = store.appeals(campaignId, gridCode);
    Map<Long, Long> toCome = appeals.stillToCome(earlier.values().stream().flatMap(List::stream).toList());
    String street = areas.enclosing(gridCode, AreaLevel.STREET).map(Area::code).orElse(null);
    List<Long> opened = new ArrayList<>();
    grid.shortage().forEach((item, quantity) -> {
      long coming = earlier.getOrDefault(item, List.of()).stream().mapToLong(id -> toCome.getOrDefault(id, 0L)).sum();
      if (coming >= quantity) {
        return;
      }
      int asked = (int) (quantity - coming);
      String title = "暖心包缺口: " + campaign.name() + " " + gridCode + " "
          + items.find(item).map(i -> i.name()).orElse(item);
      long id = appeals.open(title, item, asked, grid.siteCode(), now().plus(settings.appealWithin()), street, actor);
      store.appealOpened(campaignId, gridCode, item, id, asked, actor, now());
      opened.add(id);
    });
    log.info("Care-pack campaign {}: grid {} asked for donations, new appeals {}, earlier {}", campaignId, gridCode,
        opened, earlier);
    return opened;
  }

  // ---- the warehouse hands over ----------------------------------------------------------------

  /** 备货交接: every item of the grid's packs leaves the site; the grid delivers from now on. */
  @Transactional
  public void handOver(long campaignId, String gridCode, String actor) {
    CampaignGrid grid = grid(campaignId, gridCode);
    if (grid.status() != GridStatus.PREPARING) {
      throw new ConflictException("The grid's packs are not ready to hand over (" + grid.status().label() + ")");
    }
    for (Line line : store.lines(campaignId, gridCode)) {
      ledger.issue(line.reservationId(), line.quantity(), actor);
      store.issued(campaignId, gridCode, line.itemCode(), line.quantity());
    }
    store.handedOver(campaignId, gridCode, actor, now());
  }

  // ---- at the doors ---------------------------------------------------------------------------

  /** One door as the phone app reports it: a household and, unless all of its packs, one pack type. */
  public record DoorReport(Long householdId, String packType, String outcome) {}

  /** What a bulk post changed: {@code recorded} new outcomes, {@code unchanged} the same again. */
  public record Recorded(int recorded, int unchanged) {}

  /**
   * Records what happened at the doors, all or nothing: a household the campaign does not have, one
   * of a grid the recorder does not serve, a grid not delivering, a delivered pack reported
   * otherwise: 400 naming each, nothing written. The same report again changes nothing.
   */
  @Transactional
  public Recorded record(long campaignId, List<DoorReport> reports, Requester recorder) {
    load(campaignId);
    FormCheck check = FormCheck.of(validator, new Object());
    if (reports.size() > settings.maxRecords()) {
      check.reject("deliveries", "must hold at most " + settings.maxRecords() + " records").orThrow();
    }
    Set<Long> ids = reports.stream().filter(r -> r != null).map(DoorReport::householdId).filter(id -> id != null)
        .collect(Collectors.toSet());
    Map<Long, List<Door>> doors = store.doors(campaignId, ids).stream()
        .collect(Collectors.groupingBy(Door::householdId));
    Map<String, CampaignGrid> grids = new HashMap<>();
    List<Recording> recordings = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int unchanged = 0;
    for (int i = 0; i < reports.size(); i++) {
      DoorReport report = reports.get(i);
      String field = "deliveries[" + i + "]";
      DoorOutcome outcome = null;
      if (report == null) {
        check.reject(field, "is required");
        continue;
      }
      if (report.outcome() == null || report.outcome().isBlank()) {
        check.reject(field + ".outcome", "is required");
      } else if ((outcome = EnumCodeValidator.find(DoorOutcome.class, report.outcome().strip())) == null) {
        check.reject(field + ".outcome", "must be one of DELIVERED, NOT_AT_HOME, REFUSED, MOVED");
      }
      PackType pack = null;
      if (report.packType() != null && !report.packType().isBlank()
          && (pack = EnumCodeValidator.find(PackType.class, report.packType().strip())) == null) {
        check.reject(field + ".packType", "must be one of LIVING_SUPPLIES, BREAKFAST");
        continue;
      }
      if (report.householdId() == null) {
        check.reject(field + ".householdId", "is required");
        continue;
      }
      List<Door> ofHousehold = doors.getOrDefault(report.householdId(), List.of());
      PackType wanted = pack;
      List<Door> chosen = ofHousehold.stream().filter(d -> wanted == null || d.packType() == wanted).toList();
      if (ofHousehold.isEmpty()) {
        check.reject(field + ".householdId", "is not a household of this campaign");
        continue;
      }
      if (chosen.isEmpty()) {
        check.reject(field + ".packType", "is not a pack type of this campaign");
        continue;
      }
      String gridCode = chosen.get(0).gridCode();
      if (recorder != null && !recorder.servesGrid(gridCode)) {
        check.reject(field + ".householdId", "is a household of grid " + gridCode + ", which you do not serve");
        continue;
      }
      CampaignGrid grid = grids.computeIfAbsent(gridCode, g -> grid(campaignId, g));
      if (grid.status().round() == 0) {
        check.reject(field + ".householdId", "is of grid " + gridCode + ", which does not deliver now ("
            + grid.status().label() + ")");
        continue;
      }
      if (outcome == null) {
        continue;
      }
      for (Door door : chosen) {
        if (!seen.add(door.householdId() + "|" + door.packType())) {
          check.reject(field + ".householdId", "is reported twice in this request");
          break;
        }
        Optional<Recording> recording = change(door, outcome, grid.status().round());
        if (recording == null) {
          check.reject(field + ".outcome", "cannot follow " + door.outcome() + ": a pack "
              + door.outcome().label() + " stays so");
        } else if (recording.isEmpty()) {
          unchanged++;
        } else {
          recordings.add(recording.get());
        }
      }
    }
    check.orThrow();
    String actor = recorder == null ? EngineUsers.SYSTEM : recorder.id();
    int written = store.record(campaignId, recordings, actor, now());
    if (written != recordings.size()) {
      throw new ConflictException("Some of these doors were recorded by somebody else at the same moment; send again");
    }
    return new Recorded(written, unchanged);
  }

  /**
   * The door's new outcome in this round: empty when it is what the door has already (a retry),
   * null when the door's outcome may not become it.
   */
  private static Optional<Recording> change(Door door, DoorOutcome outcome, int round) {
    if (door.outcome() == outcome && (door.attempt() == round || outcome.settles())) {
      return Optional.empty();
    }
    if (door.outcome() != null && !door.outcome().mayBecome(outcome)) {
      return null;
    }
    return Optional.of(new Recording(door.householdId(), door.packType(), outcome, round,
        outcome.settles() || round >= GridStatus.LEADER_ROUND, door.outcome(), door.attempt()));
  }

  /** A row of a Tasklist list: a household and the outcome picked for all its packs (null: not visited). */
  record FormRow(long householdId, DoorOutcome outcome) {}

  /**
   * A list of a grid's task (入户发放, 二次上门, 网格长跟进): each picked outcome for every pack of
   * the household. The grid leader's list must answer every household of the grid still without a
   * final outcome, as the module's table says: a row left empty or left out is refused, so the
   * grid is never completed with a household still open.
   */
  @Transactional
  public void recordList(long campaignId, String gridCode, List<FormRow> rows, boolean everyRowRequired,
      String actor) {
    CampaignGrid grid = grid(campaignId, gridCode);
    int round = grid.status().round();
    if (round == 0) {
      throw new ConflictException("The grid does not deliver now (" + grid.status().label() + ")");
    }
    Map<Long, List<Door>> doors = store.doorsOfGrid(campaignId, gridCode, false).stream()
        .collect(Collectors.groupingBy(Door::householdId));
    FormCheck check = FormCheck.of(validator, new Object());
    List<Recording> recordings = new ArrayList<>();
    Set<Long> answered = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      FormRow row = rows.get(i);
      List<Door> ofHousehold = doors.get(row.householdId());
      if (ofHousehold == null) {
        check.reject("households[" + i + "].householdId", "is not a household of this grid's list");
        continue;
      }
      if (row.outcome() == null) {
        continue;
      }
      answered.add(row.householdId());
      for (Door door : ofHousehold) {
        Optional<Recording> recording = change(door, row.outcome(), round);
        if (recording == null) {
          if (!door.settled()) {
            check.reject("households[" + i + "].outcome", "cannot follow " + door.outcome().label());
          }
        } else {
          recording.ifPresent(recordings::add);
        }
      }
    }
    if (everyRowRequired) {
      // every household of the grid still without a final outcome, whatever the list sent held
      Map<Long, Integer> rowOf = new HashMap<>();
      for (int i = 0; i < rows.size(); i++) {
        rowOf.putIfAbsent(rows.get(i).householdId(), i);
      }
      List<Long> missing = new ArrayList<>();
      doors.forEach((household, ofHousehold) -> {
        if (ofHousehold.stream().anyMatch(d -> !d.settled()) && !answered.contains(household)) {
          Integer i = rowOf.get(household);
          if (i != null) {
            check.reject("households[" + i + "].outcome", "is required: the grid leader answers for every household");
          } else {
            missing.add(household);
          }
        }
      });
      if (!missing.isEmpty()) {
        missing.sort(Comparator.naturalOrder());
        check.reject("households", "leaves out household(s) " + missing.stream().map(String::valueOf)
            .collect(Collectors.joining(", ")) + " still without a final outcome: the grid leader answers for every"
            + " household");
      }
    }
    check.orThrow();
    int written = store.record(campaignId, recordings, actor, now());
    if (written != recordings.size()) {
      throw new ConflictException("Some of these doors were recorded by somebody else at the same moment; send again");
    }
  }

  /**
   * A round of the grid is over (its task done, or the deadline passed): true when every household
   * has a final outcome; else the grid goes on to its next round.
   */
  @Transactional
  public boolean closeRound(long campaignId, String gridCode) {
    CampaignGrid grid = grid(campaignId, gridCode);
    if (store.openDoors(campaignId, gridCode) == 0) {
      return true;
    }
    GridStatus next = grid.status() == GridStatus.DELIVERING ? GridStatus.FOLLOW_UP : GridStatus.LEADER_FOLLOW_UP;
    store.moveGrid(campaignId, gridCode, grid.status(), next);
    return false;
  }

  /**
   * The grid is done: whatever its packs held that did not reach a door goes back to the site,
   * into the batches it left in; what was never handed over is released.
   */
  @Transactional
  public void completeGrid(long campaignId, String gridCode, String actor) {
    CampaignGrid grid = grid(campaignId, gridCode);
    if (grid.status() == GridStatus.COMPLETED) {
      return;
    }
    Map<String, Integer> delivered = store.deliveredItems(campaignId, gridCode);
    for (Line line : store.lines(campaignId, gridCode)) {
      if (line.reservationId() == null) {
        continue;
      }
      if (line.issued() == 0) {
        ledger.release(line.reservationId(), "物资包未交接, 预留释放", actor);
        continue;
      }
      int back = line.issued() - delivered.getOrDefault(line.itemCode(), 0);
      if (back > 0) {
        ledger.returnToStock(line.reservationId(), back, NOT_DELIVERED, actor);
        store.returned(campaignId, gridCode, line.itemCode(), back);
      }
    }
    store.gridCompleted(campaignId, gridCode, now());
  }

  /** Every grid is done: the report is final. */
  @Transactional
  public void complete(long campaignId) {
    Campaign campaign = load(campaignId);
    campaign.complete(now());
    store.save(campaign);
    log.info("Care-pack campaign {} completed", campaignId);
  }

  // ---- reading --------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  Campaign load(long campaignId) {
    return store.find(campaignId).orElseThrow(() -> new NotFoundException("Campaign", String.valueOf(campaignId)));
  }

  @Transactional(readOnly = true)
  CampaignGrid grid(long campaignId, String gridCode) {
    return store.grid(campaignId, gridCode)
        .orElseThrow(() -> new NotFoundException("Grid of campaign " + campaignId, gridCode));
  }

  @Transactional(readOnly = true)
  List<CampaignGrid> grids(long campaignId) {
    return store.grids(campaignId);
  }

  /** A household of a grid's list, with where to knock (from the register) and where it stands. */
  record ListedHousehold(long householdId, String address, String group, List<PackType> packs, DoorOutcome outcome,
      int attempt, boolean settled) {}

  /** The grid's households; {@code openOnly}: those with a pack still without a final outcome. */
  @Transactional(readOnly = true)
  List<ListedHousehold> households(long campaignId, String gridCode, boolean openOnly) {
    Map<Long, List<Door>> doors = new LinkedHashMap<>();
    store.doorsOfGrid(campaignId, gridCode, openOnly)
        .forEach(d -> doors.computeIfAbsent(d.householdId(), id -> new ArrayList<>()).add(d));
    Map<Long, HouseholdRoster.Door> where = roster.doors(doors.keySet());
    List<ListedHousehold> listed = new ArrayList<>(doors.size());
    doors.forEach((id, packs) -> {
      Door first = packs.get(0);
      DoorOutcome outcome = packs.stream().map(Door::outcome).filter(o -> o != null).findFirst().orElse(null);
      listed.add(new ListedHousehold(id, Optional.ofNullable(where.get(id)).map(HouseholdRoster.Door::address)
          .orElse("(已不在台账)"), first.recipientGroup(), packs.stream().map(Door::packType).toList(), outcome,
          first.attempt(), packs.stream().allMatch(Door::settled)));
    });
    return listed;
  }

  @Transactional(readOnly = true)
  CampaignReport report(long campaignId) {
    Campaign campaign = load(campaignId);
    // what the ledger says left the sites and came back, from its movements (one query)
    Map<String, int[]> ledgerSays = new HashMap<>();
    for (Movement m : ledger.movementsOf(reference(campaignId))) {
      int[] t = ledgerSays.computeIfAbsent(m.itemCode(), k -> new int[2]);
      if (m.kind() == MovementKind.ISSUE) {
        t[0] += m.quantity();
      } else if (m.kind() == MovementKind.RETURN) {
        t[1] += m.quantity();
      }
    }
    return CampaignReport.of(campaign, store.grids(campaignId), store.counts(campaignId), store.lines(campaignId),
        ledgerSays, store.deliveredItems(campaignId), items);
  }

  private Instant now() {
    return clock.instant();
  }
}
