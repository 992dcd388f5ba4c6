package org.gridaid.supplies;

import static org.gridaid.shared.Texts.trimmed;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gridaid.shared.validation.EnumCode;
import org.gridaid.shared.validation.PlainText;

/** A site to add: its code, its Chinese name, its kind (code or label) and the area it is in. */
record NewSupplySite(
    @NotBlank(message = Ledger.REQUIRED) @Size(max = 40, message = Ledger.AT_MOST)
    @Pattern(regexp = Ledger.CODE, message = Ledger.CODE_MESSAGE) String code,
    @NotBlank(message = Ledger.REQUIRED) @Size(max = 100, message = Ledger.AT_MOST) @PlainText String name,
    @NotBlank(message = Ledger.REQUIRED) @EnumCode(SiteKind.class) String kind,
    @NotBlank(message = Ledger.REQUIRED) @Size(max = 40, message = Ledger.AT_MOST) @PlainText String areaCode) {

  NewSupplySite {
    code = trimmed(code);
    name = trimmed(name);
    kind = trimmed(kind);
    areaCode = trimmed(areaCode);
  }
}
