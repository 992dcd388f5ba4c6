package org.gridaid.donations;

import static org.gridaid.shared.Texts.trimmed;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.gridaid.shared.PhoneNumbers;
import org.gridaid.shared.validation.EnumCode;
import org.gridaid.shared.validation.EnumCodeValidator;
import org.gridaid.shared.validation.PhoneNumber;
import org.gridaid.shared.validation.PlainText;

/** What callers send about money: amounts in yuan with at most two decimals, turned into fen once checked. */
final class GiftForms {

  static final String ID_NUMBER = "[0-9]{17}[0-9X]";
  static final String ID_NUMBER_MESSAGE = "must be an 18-character resident ID number";

  private GiftForms() {}

  /**
   * A gift the online donation platform took: {@code transactionId} is the platform's own id of
   * the payment, and a gift sent again with it is recorded once.
   */
  record PlatformGift(
      @NotBlank(message = "is required") @Size(max = 64, message = "must be at most {max} characters")
      @Pattern(regexp = "[A-Za-z0-9_.:-]+", message = "must be letters, digits and _.:- only")
      String transactionId,
      @Positive(message = "must be positive") Long appealId,
      @NotNull(message = "is required") @DecimalMin(value = "0.01", message = Money.AT_LEAST_A_FEN)
      @Digits(integer = 10, fraction = 2, message = Money.TWO_DECIMALS)
      BigDecimal amount,
      @NotBlank(message = "is required") @Size(max = 100, message = "must be at most {max} characters") @PlainText
      String donorName,
      @PhoneNumber String donorPhone,
      @Pattern(regexp = ID_NUMBER, message = ID_NUMBER_MESSAGE) String donorIdNumber,
      Boolean anonymous) {

    PlatformGift {
      transactionId = trimmed(transactionId);
      donorName = trimmed(donorName);
      donorPhone = trimmed(donorPhone);
      donorIdNumber = trimmed(donorIdNumber);
    }

    Gift.Donor donor() {
      return new Gift.Donor(donorName, donorPhone == null ? null : PhoneNumbers.normalise(donorPhone), donorIdNumber,
          Boolean.TRUE.equals(anonymous));
    }
  }

  /** Cash or a bank transfer the donation desk took: it waits for finance to confirm that it arrived. */
  record DeskGift(
      @Positive(message = "must be positive") Long appealId,
      @NotBlank(message = "is required") @EnumCode(GiftChannel.class) String channel,
      @NotNull(message = "is required") @DecimalMin(value = "0.01", message = Money.AT_LEAST_A_FEN)
      @Digits(integer = 10, fraction = 2, message = Money.TWO_DECIMALS)
      BigDecimal amount,
      @NotBlank(message = "is required") @Size(max = 100, message = "must be at most {max} characters") @PlainText
      String donorName,
      @PhoneNumber String donorPhone,
      @Pattern(regexp = ID_NUMBER, message = ID_NUMBER_MESSAGE) String donorIdNumber,
      Boolean anonymous) {

    DeskGift {
      donorName = trimmed(donorName);
      donorPhone = trimmed(donorPhone);
      donorIdNumber = trimmed(donorIdNumber);
    }

    GiftChannel channelValue() {
      return EnumCodeValidator.find(GiftChannel.class, channel);
    }

    Gift.Donor donor() {
      return new Gift.Donor(donorName, donorPhone == null ? null : PhoneNumbers.normalise(donorPhone), donorIdNumber,
          Boolean.TRUE.equals(anonymous));
    }
  }

  /** The platform's word that a payment it sent arrived. */
  record Confirmation(
      @NotBlank(message = "is required") @Size(max = 64, message = "must be at most {max} characters")
      @Pattern(regexp = "[A-Za-z0-9_.:-]+", message = "must be letters, digits and _.:- only")
      String transactionId) {

    Confirmation {
      transactionId = trimmed(transactionId);
    }
  }

  /** Money of a confirmed gift given back, or the amount recorded put right: a new entry, never an edit. */
  record Correction(
      @NotNull(message = "is required") @Digits(integer = 10, fraction = 2, message = Money.TWO_DECIMALS)
      BigDecimal amount,
      @NotBlank(message = "is required") @Size(max = 200, message = "must be at most {max} characters") @PlainText
      String reason) {

    Correction {
      reason = trimmed(reason);
    }
  }
}
