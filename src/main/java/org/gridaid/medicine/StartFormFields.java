package org.gridaid.medicine;

import static org.gridaid.shared.Texts.trimmed;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.gridaid.shared.PhoneNumbers;
import org.gridaid.shared.validation.EnumCode;
import org.gridaid.shared.validation.EnumCodeValidator;
import org.gridaid.shared.validation.PhoneNumber;
import org.gridaid.shared.validation.PlainText;

/** What an operator's start form in Tasklist (request-medicine.form) sends. */
record StartFormFields(
    @NotBlank(message = "is required") @Size(max = 50, message = "must be at most 50 characters") @PlainText
    String recipientName,
    @NotBlank(message = "is required") @PhoneNumber
    String recipientPhone,
    @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") @PlainText
    String recipientAddress,
    @NotBlank(message = "is required") @Size(max = 1000, message = "must be at most 1000 characters")
    @PlainText(multiline = true)
    String requestedItems,
    @EnumCode(Urgency.class)
    String urgency) {

  Urgency urgencyValue() {
    return trimmed(urgency) == null ? Urgency.NORMAL : EnumCodeValidator.find(Urgency.class, urgency);
  }

  String phone() {
    return PhoneNumbers.normalise(recipientPhone);
  }
}
