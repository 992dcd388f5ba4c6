package org.gridaid.donations;

import static org.gridaid.shared.Texts.trimmed;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.gridaid.shared.PhoneNumbers;
import org.gridaid.shared.validation.PhoneNumber;
import org.gridaid.shared.validation.PlainText;
import org.hibernate.validator.constraints.Range;

/**
 * A donor's promise of goods against an appeal: how much of the appeal's item, to which of its
 * sites, on which day. Whether the site is one of the appeal's and the day not past,
 * {@link PledgeService} checks.
 */
record NewPledge(
    @NotBlank(message = "is required") @Size(max = 100, message = "must be at most {max} characters") @PlainText
    String donorName,
    @PhoneNumber String donorPhone,
    Boolean anonymous,
    @NotNull(message = "is required") @Range(min = 1, max = 1_000_000, message = "must be between {min} and {max}")
    Integer quantity,
    @NotBlank(message = "is required") @Size(max = 40, message = "must be at most {max} characters") @PlainText
    String siteCode,
    @NotNull(message = "is required") LocalDate promisedOn) {

  NewPledge {
    donorName = trimmed(donorName);
    donorPhone = trimmed(donorPhone);
    siteCode = trimmed(siteCode);
  }

  Gift.Donor donor() {
    return new Gift.Donor(donorName, donorPhone == null ? null : PhoneNumbers.normalise(donorPhone), null,
        Boolean.TRUE.equals(anonymous));
  }
}
