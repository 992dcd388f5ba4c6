package org.gridaid.helprequest;

import static org.gridaid.shared.Texts.trimmed;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.gridaid.register.Vulnerability;
import org.gridaid.shared.PhoneNumbers;
import org.gridaid.shared.validation.EnumCode;
import org.gridaid.shared.validation.EnumCodeValidator;
import org.gridaid.shared.validation.PhoneNumber;
import org.gridaid.shared.validation.PlainText;

/**
 * A new help request: the one command of intake, whether an outside system posts it, an
 * operator fills the Tasklist start form or a check-in need is handed over. Exactly one of
 * address, minimal unit or grid leads the routing (checked with the areas, see
 * {@link HelpRequestService}); codes are read as the validation read them.
 */
record NewHelpRequest(
    @NotBlank(message = "is required") @Size(max = 50, message = "must be at most 50 characters") @PlainText
    String callerName,
    @NotBlank(message = "is required") @PhoneNumber
    String callerPhone,
    @Size(max = 200, message = "must be at most 200 characters") @PlainText
    String address,
    @Size(max = 40, message = "must be at most 40 characters") @PlainText
    String minimalUnitCode,
    @Size(max = 40, message = "must be at most 40 characters") @PlainText
    String gridCode,
    @NotBlank(message = "is required") @EnumCode(Category.class)
    String category,
    @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters")
    @PlainText(multiline = true)
    String description,
    @Size(max = 200, message = "must be at most 200 characters") @PlainText
    String affectedPerson,
    List<@NotBlank(message = "is required") @EnumCode(Vulnerability.class) String> vulnerabilities,
    @EnumCode(Channel.class)
    String channel) {

  /** The same request with blanks removed and every code, number and list in its one spelling. */
  NewHelpRequest normalised() {
    return new NewHelpRequest(trimmed(callerName), PhoneNumbers.normalise(callerPhone), trimmed(address),
        trimmed(minimalUnitCode), trimmed(gridCode), categoryValue().name(), trimmed(description),
        trimmed(affectedPerson), vulnerabilityValues().stream().map(Enum::name).toList(), channelValue().name());
  }

  Category categoryValue() {
    return EnumCodeValidator.find(Category.class, category);
  }

  /** Each flag once, in the order given. */
  List<Vulnerability> vulnerabilityValues() {
    return vulnerabilities == null ? List.of() : vulnerabilities.stream()
        .map(code -> EnumCodeValidator.find(Vulnerability.class, code)).distinct().toList();
  }

  /** A request that does not say how it came is a hotline call. */
  Channel channelValue() {
    return trimmed(channel) == null ? Channel.HOTLINE : EnumCodeValidator.find(Channel.class, channel);
  }
}
