package org.gridaid.donations;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask of the donations: open a goods appeal for a shortage they found (a
 * care-pack campaign short of rice at a warehouse). Checked and opened as the desk's own appeals
 * are; the rest of the module stays its own.
 */
@Service
public class GoodsAppeals {

  private final AppealService appeals;
  private final Appeals stored;

  GoodsAppeals(AppealService appeals, Appeals stored) {
    this.appeals = appeals;
    this.stored = stored;
  }

  /**
   * Opens an appeal for {@code quantity} of the item, delivered to the site, until the deadline;
   * {@code areaCode}: the street the appeal is for (null: the district). Returns its id.
   */
  @Transactional
  public long open(String title, String itemCode, int quantity, String siteCode, Instant deadline, String areaCode,
      String actor) {
    return appeals.open(new NewAppeal(title, AppealKind.GOODS.name(), itemCode, quantity, null, deadline,
        List.of(siteCode)), areaCode, actor, null).appeal().id();
  }

  /**
   * What each of these appeals may still bring in, in units of its item: an open appeal its
   * target (or what donors pledged, if more) less what arrived; a closed one what donors pledged
   * and have not delivered yet. What arrived is in stock already. An appeal nobody knows brings
   * nothing.
   */
  @Transactional(readOnly = true)
  public Map<Long, Long> stillToCome(Collection<Long> appealIds) {
    Map<Long, Long> toCome = new LinkedHashMap<>();
    for (long id : appealIds) {
      stored.find(id).ifPresent(appeal -> {
        Appeals.Progress progress = stored.progress(id);
        long promised = appeal.status() == AppealStatus.OPEN ? Math.max(appeal.target(), progress.pledged())
            : progress.pledged();
        toCome.put(id, Math.max(0, promised - progress.received()));
      });
    }
    return toCome;
  }
}
