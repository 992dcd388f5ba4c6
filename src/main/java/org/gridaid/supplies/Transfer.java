package org.gridaid.supplies;

import static org.gridaid.shared.Texts.trimmed;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridaid.shared.validation.PlainText;
import org.hibernate.validator.constraints.Range;

/**
 * Stock that goes from one site to another (the district warehouse supplies a street's
 * pharmacy): out of what the source can still promise, from {@code batch} or from the batches
 * that expire first; each batch arrives with its expiry.
 */
public record Transfer(
    @NotBlank(message = Ledger.REQUIRED) @Size(max = 40, message = Ledger.AT_MOST) @PlainText String fromSiteCode,
    @NotBlank(message = Ledger.REQUIRED) @Size(max = 40, message = Ledger.AT_MOST) @PlainText String toSiteCode,
    @NotBlank(message = Ledger.REQUIRED) @Size(max = 40, message = Ledger.AT_MOST) @PlainText String itemCode,
    @NotNull(message = Ledger.REQUIRED) @Range(min = 1, max = Ledger.MAX_QUANTITY, message = Ledger.BETWEEN)
    Integer quantity,
    @Size(max = 40, message = Ledger.AT_MOST) @PlainText String batch,
    @Size(max = 200, message = Ledger.AT_MOST) @PlainText String reason,
    @Valid Reference reference) {

  public Transfer {
    fromSiteCode = trimmed(fromSiteCode);
    toSiteCode = trimmed(toSiteCode);
    itemCode = trimmed(itemCode);
    batch = trimmed(batch);
    reason = trimmed(reason);
  }
}
