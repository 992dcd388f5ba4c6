package org.gridaid.supplies;

import static org.gridaid.shared.Texts.trimmed;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.gridaid.shared.validation.PlainText;
import org.hibernate.validator.constraints.Range;

/**
 * A correction of what is on hand, found by counting or by damage (盘点, 破损, 过期报损): {@code change}
 * more (positive) or fewer (negative) than the ledger says. Fewer comes out of {@code batch}, or
 * from the batches that expire first; never out of what is promised. More goes into
 * {@code batch} (with its {@code expiry}) or into the goods without a batch.
 */
public record Adjustment(
    @NotBlank(message = Ledger.REQUIRED) @Size(max = 40, message = Ledger.AT_MOST) @PlainText String siteCode,
    @NotBlank(message = Ledger.REQUIRED) @Size(max = 40, message = Ledger.AT_MOST) @PlainText String itemCode,
    @NotNull(message = Ledger.REQUIRED)
    @Range(min = -Ledger.MAX_QUANTITY, max = Ledger.MAX_QUANTITY, message = Ledger.BETWEEN) Integer change,
    @Size(max = 40, message = Ledger.AT_MOST) @PlainText String batch,
    LocalDate expiry,
    @NotBlank(message = Ledger.REQUIRED) @Size(max = 200, message = Ledger.AT_MOST) @PlainText String reason,
    @Valid Reference reference) {

  public Adjustment {
    siteCode = trimmed(siteCode);
    itemCode = trimmed(itemCode);
    batch = trimmed(batch);
    reason = trimmed(reason);
  }
}
