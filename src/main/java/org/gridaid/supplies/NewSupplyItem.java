package org.gridaid.supplies;

import static org.gridaid.shared.Texts.trimmed;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gridaid.shared.validation.EnumCode;
import org.gridaid.shared.validation.PlainText;

/** An item to add: its code, Chinese name and unit, its category (code or label) and how it is handled. */
record NewSupplyItem(
    @NotBlank(message = Ledger.REQUIRED) @Size(max = 40, message = Ledger.AT_MOST)
    @Pattern(regexp = Ledger.CODE, message = Ledger.CODE_MESSAGE) String code,
    @NotBlank(message = Ledger.REQUIRED) @Size(max = 100, message = Ledger.AT_MOST) @PlainText String name,
    @NotBlank(message = Ledger.REQUIRED) @Size(max = 10, message = Ledger.AT_MOST) @PlainText String unit,
    @NotBlank(message = Ledger.REQUIRED) @EnumCode(ItemCategory.class) String category,
    Boolean coldChain,
    Boolean prescriptionOnly) {

  NewSupplyItem {
    code = trimmed(code);
    name = trimmed(name);
    unit = trimmed(unit);
    category = trimmed(category);
  }
}
