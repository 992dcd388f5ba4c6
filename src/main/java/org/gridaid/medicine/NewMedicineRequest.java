package org.gridaid.medicine;

import static org.gridaid.shared.Texts.trimmed;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.gridaid.shared.PhoneNumbers;
import org.gridaid.shared.validation.EnumCode;
import org.gridaid.shared.validation.EnumCodeValidator;
import org.gridaid.shared.validation.PhoneNumber;
import org.gridaid.shared.validation.PlainText;
import org.hibernate.validator.constraints.Range;

/**
 * A clinic's (or staff's) request over REST: the recipient, a person of the register or name,
 * phone and address, and the medicines. A prescription-only line names who prescribed it; the
 * pharmacy or the medical team still checks it. Checks that need data (known items, the grid of
 * the address, the site) are {@link MedicineDeliveryService}'s.
 *
 * @param siteCode where the requester would have it reserved: a site of the recipient's street
 *     or of the district
 */
record NewMedicineRequest(
    Long personId,
    @Size(max = 50, message = "must be at most 50 characters") @PlainText
    String recipientName,
    @PhoneNumber
    String recipientPhone,
    @Size(max = 200, message = "must be at most 200 characters") @PlainText
    String recipientAddress,
    @Size(max = 40, message = "must be at most 40 characters") @PlainText
    String gridCode,
    @NotEmpty(message = "must list at least one medicine") @Size(max = 20, message = "must have at most 20 lines")
    List<@NotNull(message = "is required") @Valid Line> lines,
    @EnumCode(Urgency.class)
    String urgency,
    @Size(max = 40, message = "must be at most 40 characters") @PlainText
    String siteCode,
    @Size(max = 1000, message = "must be at most 1000 characters") @PlainText(multiline = true)
    String note) {

  record Line(
      @NotBlank(message = "is required") @Size(max = 40, message = "must be at most 40 characters") @PlainText
      String itemCode,
      @Range(min = 1, max = 999, message = "must be between 1 and 999")
      int quantity,
      @Size(max = 100, message = "must be at most 100 characters") @PlainText
      String prescribedBy) {}

  Urgency urgencyValue() {
    return trimmed(urgency) == null ? Urgency.NORMAL : EnumCodeValidator.find(Urgency.class, urgency);
  }

  String phone() {
    return recipientPhone == null ? null : PhoneNumbers.normalise(recipientPhone);
  }
}
