package org.gridaid.supplies;

import static org.gridaid.shared.Texts.trimmed;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gridaid.shared.validation.PlainText;

/**
 * The case, delivery, campaign or donation a movement or reservation belongs to, by its type and
 * its id in the module that owns it ({@code MEDICINE_DELIVERY 42}, {@code CAMPAIGN 2022-07-暖心包}).
 */
public record Reference(
    @NotNull(message = "is required") ReferenceType type,
    @NotBlank(message = "is required") @Size(max = 64, message = "must be at most {max} characters") @PlainText
    String id) {

  public Reference {
    id = trimmed(id);
  }

  public static Reference of(ReferenceType type, Object id) {
    return new Reference(type, String.valueOf(id));
  }
}
