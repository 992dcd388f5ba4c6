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
 * Goods that arrived at a site: bought, donated, sent from above. A batch (with its expiry) is
 * optional; the same batch keeps one expiry everywhere.
 */
public record Receipt(
    @NotBlank(message = Ledger.REQUIRED) @Size(max = 40, message = Ledger.AT_MOST) @PlainText String siteCode,
    @NotBlank(message = Ledger.REQUIRED) @Size(max = 40, message = Ledger.AT_MOST) @PlainText String itemCode,
    @NotNull(message = Ledger.REQUIRED) @Range(min = 1, max = Ledger.MAX_QUANTITY, message = Ledger.BETWEEN)
    Integer quantity,
    @Size(max = 40, message = Ledger.AT_MOST) @PlainText String batch,
    LocalDate expiry,
    @Size(max = 200, message = Ledger.AT_MOST) @PlainText String reason,
    @Valid Reference reference) {

  public Receipt {
    siteCode = trimmed(siteCode);
    itemCode = trimmed(itemCode);
    batch = trimmed(batch);
    reason = trimmed(reason);
  }
}
