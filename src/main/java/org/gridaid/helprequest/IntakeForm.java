package org.gridaid.helprequest;

import org.gridaid.register.Vulnerability;
import static org.gridaid.shared.Texts.trimmed;

import java.util.ArrayList;
import java.util.List;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.organisation.AreaLevel;
import org.gridaid.shared.PhoneNumbers;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.Problems.FieldError;

/**
 * A request as a caller or the start form sends it, before checking. {@link #check} names
 * every field at fault at once, with the names of the API and the form.
 */
record IntakeForm(String callerName, String callerPhone, String address, String minimalUnitCode, String gridCode,
    String category, String description, String affectedPerson, List<String> vulnerabilities, String channel) {

  static final int MAX_NAME = 50;
  static final int MAX_ADDRESS = 200;
  static final int MAX_DESCRIPTION = 2000;
  static final int MAX_AFFECTED_PERSON = 200;

  Intake check(AreaDirectory areas) {
    List<FieldError> errors = new ArrayList<>();
    String name = trimmed(callerName);
    if (name == null) {
      errors.add(new FieldError("callerName", "is required"));
    } else if (name.length() > MAX_NAME) {
      errors.add(new FieldError("callerName", "must be at most " + MAX_NAME + " characters"));
    }
    String phone = null;
    if (trimmed(callerPhone) == null) {
      errors.add(new FieldError("callerPhone", "is required"));
    } else {
      phone = PhoneNumbers.normalise(callerPhone);
      if (phone == null) {
        errors.add(new FieldError("callerPhone", "must be a mainland mobile (11 digits) or landline number"));
      }
    }
    String addressText = trimmed(address);
    String unit = trimmed(minimalUnitCode);
    String grid = trimmed(gridCode);
    if (addressText == null && unit == null && grid == null) {
      errors.add(new FieldError("address", "one of address, minimalUnitCode or gridCode is required"));
    }
    if (addressText != null && addressText.length() > MAX_ADDRESS) {
      errors.add(new FieldError("address", "must be at most " + MAX_ADDRESS + " characters"));
    }
    if (unit != null && areas.find(unit).filter(a -> a.level() == AreaLevel.MINIMAL_UNIT).isEmpty()) {
      errors.add(new FieldError("minimalUnitCode", "is not a known minimal unit"));
    }
    if (grid != null && areas.find(grid).filter(a -> a.level() == AreaLevel.GRID).isEmpty()) {
      errors.add(new FieldError("gridCode", "is not a known grid"));
    }
    Category parsedCategory = parse(Category.class, category, "category", true, errors);
    String text = trimmed(description);
    if (text == null) {
      errors.add(new FieldError("description", "is required"));
    } else if (text.length() > MAX_DESCRIPTION) {
      errors.add(new FieldError("description", "must be at most " + MAX_DESCRIPTION + " characters"));
    }
    String affected = trimmed(affectedPerson);
    if (affected != null && affected.length() > MAX_AFFECTED_PERSON) {
      errors.add(new FieldError("affectedPerson", "must be at most " + MAX_AFFECTED_PERSON + " characters"));
    }
    List<Vulnerability> flags = new ArrayList<>();
    List<String> given = vulnerabilities == null ? List.of() : vulnerabilities;
    for (int i = 0; i < given.size(); i++) {
      Vulnerability flag = parse(Vulnerability.class, given.get(i), "vulnerabilities[" + i + "]", true, errors);
      if (flag != null && !flags.contains(flag)) {
        flags.add(flag);
      }
    }
    Channel parsedChannel = parse(Channel.class, channel, "channel", false, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new Intake(name, phone, addressText, unit, grid, parsedCategory, text, affected, List.copyOf(flags),
        parsedChannel == null ? Channel.HOTLINE : parsedChannel);
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, boolean required,
      List<FieldError> errors) {
    String code = trimmed(value);
    if (code == null) {
      if (required) {
        errors.add(new FieldError(field, "is required"));
      }
      return null;
    }
    try {
      return Enum.valueOf(type, code);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, "must be one of " + List.of(type.getEnumConstants())));
      return null;
    }
  }

}
