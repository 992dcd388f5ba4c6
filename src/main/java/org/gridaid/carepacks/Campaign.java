package org.gridaid.carepacks;

import java.time.Instant;
import java.util.List;
import org.gridaid.shared.web.ConflictException;

/**
 * A care-pack campaign: what it sends to which grids until when. Its grids and households are
 * rows of their own ({@link CampaignGrid}, {@code care_pack_delivery}); the campaign changes only
 * when it is planned and when its last grid is done.
 */
final class Campaign {

  private final Long id;
  private final String name;
  private final List<PackType> packTypes;
  private final List<String> areaCodes;
  private final Instant deadline;
  private CampaignStatus status;
  private final String startedBy;
  private final Instant startedAt;
  private Instant plannedAt;
  private Instant completedAt;
  private final int version;

  Campaign(Long id, String name, List<PackType> packTypes, List<String> areaCodes, Instant deadline,
      CampaignStatus status, String startedBy, Instant startedAt, Instant plannedAt, Instant completedAt, int version) {
    this.id = id;
    this.name = name;
    this.packTypes = List.copyOf(packTypes);
    this.areaCodes = List.copyOf(areaCodes);
    this.deadline = deadline;
    this.status = status;
    this.startedBy = startedBy;
    this.startedAt = startedAt;
    this.plannedAt = plannedAt;
    this.completedAt = completedAt;
    this.version = version;
  }

  static Campaign start(String name, List<PackType> packTypes, List<String> areaCodes, Instant deadline,
      String startedBy, Instant at) {
    return new Campaign(null, name, packTypes, areaCodes, deadline, CampaignStatus.RUNNING, startedBy, at, null, null,
        0);
  }

  /** The households are counted, the packs' stock reserved where there is enough. Once. */
  void planned(Instant at) {
    if (plannedAt != null) {
      throw new ConflictException("The campaign is planned already");
    }
    plannedAt = at;
  }

  /** Every grid is done. */
  void complete(Instant at) {
    if (status == CampaignStatus.COMPLETED) {
      throw new ConflictException("The campaign is completed already");
    }
    status = CampaignStatus.COMPLETED;
    completedAt = at;
  }

  Campaign withId(long newId) {
    return new Campaign(newId, name, packTypes, areaCodes, deadline, status, startedBy, startedAt, plannedAt,
        completedAt, version);
  }

  Long id() { return id; }
  String name() { return name; }
  List<PackType> packTypes() { return packTypes; }
  List<String> areaCodes() { return areaCodes; }
  Instant deadline() { return deadline; }
  CampaignStatus status() { return status; }
  String startedBy() { return startedBy; }
  Instant startedAt() { return startedAt; }
  Instant plannedAt() { return plannedAt; }
  Instant completedAt() { return completedAt; }
  int version() { return version; }
}
