package org.gridaid.register;

import static org.gridaid.shared.Texts.trimmed;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.gridaid.organisation.Area;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.organisation.AreaLevel;
import org.gridaid.shared.PhoneNumbers;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.Problems.FieldError;

/** Households and persons as callers and CSV files send them, checked field by field. */
final class RegisterForms {

  private RegisterForms() {}

  record HouseholdForm(String address, String gridCode, String minimalUnitCode, String phone, String size,
      String recipientGroup) {

    Household check(long id, AreaDirectory areas) {
      List<FieldError> errors = new ArrayList<>();
      String text = required("address", address, 200, errors);
      String unit = trimmed(minimalUnitCode);
      String grid = trimmed(gridCode);
      if (unit != null) {
        var area = areas.find(unit).filter(a -> a.level() == AreaLevel.MINIMAL_UNIT);
        if (area.isEmpty()) {
          errors.add(new FieldError("minimalUnitCode", "is not a known minimal unit"));
        } else if (grid == null) {
          grid = area.get().parentCode();
        } else if (!grid.equals(area.get().parentCode())) {
          errors.add(new FieldError("minimalUnitCode", "is not in grid " + grid));
        }
      }
      if (grid == null && unit == null) {
        errors.add(new FieldError("gridCode", "is required (or minimalUnitCode)"));
      } else if (grid != null && areas.find(grid).filter(Area::isGrid).isEmpty()) {
        errors.add(new FieldError("gridCode", "is not a known grid"));
      }
      String number = optionalPhone("phone", phone, errors);
      Integer members = number("size", size, 1, 30, true, errors);
      RecipientGroup group = RecipientGroup.ORDINARY;
      if (trimmed(recipientGroup) != null) {
        group = parse(RecipientGroup.class, recipientGroup, "recipientGroup", errors);
      }
      throwIfAny(errors);
      return new Household(id, grid, unit, text, number, members, group);
    }
  }

  record PersonForm(String householdId, String name, String idNumber, String phone, String birthYear,
      List<String> flags, String chronicConditions, String regularMedicines, String carerContact, String checkInBy,
      String checkInEveryDays) {

    /** {@code household} is the id the caller resolved (from householdId or grid and address). */
    Person check(long id, Long household) {
      List<FieldError> errors = new ArrayList<>();
      if (household == null) {
        errors.add(new FieldError("householdId", "is not a known household"));
      }
      String personName = required("name", name, 50, errors);
      String id18 = null;
      if (trimmed(idNumber) != null) {
        id18 = IdNumbers.normalise(idNumber);
        if (id18 == null) {
          errors.add(new FieldError("idNumber", "is not a valid 18-character ID number"));
        }
      }
      String number = optionalPhone("phone", phone, errors);
      Integer born = number("birthYear", birthYear, 1900, Year.now().getValue(), false, errors);
      List<Vulnerability> parsed = new ArrayList<>();
      List<String> given = flags == null ? List.of() : flags;
      for (int i = 0; i < given.size(); i++) {
        Vulnerability flag = parse(Vulnerability.class, given.get(i), "flags[" + i + "]", errors);
        if (flag != null && !parsed.contains(flag)) {
          parsed.add(flag);
        }
      }
      String conditions = optional("chronicConditions", chronicConditions, 500, errors);
      String medicines = optional("regularMedicines", regularMedicines, 500, errors);
      String carer = optional("carerContact", carerContact, 200, errors);
      String checker = optional("checkInBy", checkInBy, 100, errors);
      Integer every = number("checkInEveryDays", checkInEveryDays, 1, 30, false, errors);
      throwIfAny(errors);
      return new Person(id, household, personName, id18, number, born, List.copyOf(parsed), conditions, medicines,
          carer, checker, every);
    }
  }

  private static String optionalPhone(String field, String value, List<FieldError> errors) {
    if (trimmed(value) == null) {
      return null;
    }
    String number = PhoneNumbers.normalise(value);
    if (number == null) {
      errors.add(new FieldError(field, "must be a mainland mobile (11 digits) or landline number"));
    }
    return number;
  }

  private static Integer number(String field, String value, int min, int max, boolean required,
      List<FieldError> errors) {
    String text = trimmed(value);
    if (text == null) {
      if (required) {
        errors.add(new FieldError(field, "is required"));
      }
      return null;
    }
    try {
      int n = Integer.parseInt(text);
      if (n < min || n > max) {
        errors.add(new FieldError(field, "must be between " + min + " and " + max));
      }
      return n;
    } catch (NumberFormatException e) {
      errors.add(new FieldError(field, "must be a whole number"));
      return null;
    }
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<FieldError> errors) {
    String code = trimmed(value);
    for (E constant : type.getEnumConstants()) {
      // CSV files written by people use the Chinese labels as often as the codes
      if (constant.name().equalsIgnoreCase(code) || label(constant).equals(code)) {
        return constant;
      }
    }
    errors.add(new FieldError(field, "must be one of " + List.of(type.getEnumConstants())));
    return null;
  }

  private static String label(Enum<?> constant) {
    if (constant instanceof Vulnerability flag) {
      return flag.label();
    }
    return constant instanceof RecipientGroup group ? group.label() : constant.name();
  }

  private static String required(String field, String value, int max, List<FieldError> errors) {
    String text = trimmed(value);
    if (text == null) {
      errors.add(new FieldError(field, "is required"));
    }
    return optional(field, text, max, errors);
  }

  private static String optional(String field, String value, int max, List<FieldError> errors) {
    String text = trimmed(value);
    if (text != null && text.length() > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters"));
    }
    return text;
  }

  private static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

}
