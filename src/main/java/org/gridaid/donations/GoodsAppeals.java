package org.gridaid.donations;

import java.time.Instant;
import java.util.List;
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

  GoodsAppeals(AppealService appeals) {
    this.appeals = appeals;
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
}
