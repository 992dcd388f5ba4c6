package org.gridaid.donations;

import static org.gridaid.shared.Texts.trimmed;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.gridaid.shared.validation.EnumCode;
import org.gridaid.shared.validation.EnumCodeValidator;
import org.gridaid.shared.validation.PlainText;
import org.hibernate.validator.constraints.Range;

/**
 * A new appeal. A money appeal has a {@code targetAmount} in yuan (at most two decimals); a goods
 * appeal an {@code itemCode} of the supplies catalogue, a {@code targetQuantity} in its unit and
 * the {@code siteCodes} goods are delivered to. Which of them a kind needs, and whether the item
 * and sites are known, {@link AppealService} checks.
 */
record NewAppeal(
    @NotBlank(message = "is required") @Size(max = 100, message = "must be at most {max} characters") @PlainText
    String title,
    @NotBlank(message = "is required") @EnumCode(AppealKind.class)
    String kind,
    @Size(max = 40, message = "must be at most {max} characters") @PlainText
    String itemCode,
    @Range(min = 1, max = 10_000_000, message = "must be between {min} and {max}")
    Integer targetQuantity,
    @DecimalMin(value = "0.01", message = Money.AT_LEAST_A_FEN) @Digits(integer = 10, fraction = 2,
        message = Money.TWO_DECIMALS)
    BigDecimal targetAmount,
    @NotNull(message = "is required")
    Instant deadline,
    @Size(max = 100, message = "must list at most {max} sites")
    List<@NotBlank(message = "is required") @Size(max = 40, message = "must be at most {max} characters") @PlainText
        String> siteCodes) {

  NewAppeal {
    title = trimmed(title);
    itemCode = trimmed(itemCode);
    siteCodes = siteCodes == null ? List.of() : siteCodes.stream().map(code -> code == null ? null : code.trim())
        .toList();
  }

  AppealKind kindValue() {
    return EnumCodeValidator.find(AppealKind.class, kind);
  }
}
