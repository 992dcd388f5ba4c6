package org.gridaid.register;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;
import static org.gridaid.shared.Texts.trimmed;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.shared.PhoneNumbers;
import org.gridaid.shared.validation.EnumCode;
import org.gridaid.shared.validation.EnumCodeValidator;
import org.gridaid.shared.validation.FormCheck;
import org.gridaid.shared.validation.PhoneNumber;
import org.gridaid.shared.validation.PlainText;
import org.gridaid.shared.web.Problems.FieldError;
import org.hibernate.validator.constraints.Range;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.springframework.stereotype.Component;

/**
 * Households and persons as callers (JSON) and CSV files send them. The annotations hold the
 * rules of each field; what needs the organisation or the register (is the grid known?) is
 * checked here, and every fault of a form is reported at once.
 */
@Component
class RegisterForms {

  static final String REQUIRED = "is required";
  static final String AT_MOST = "must be at most {max} characters";
  static final String BETWEEN = "must be between {min} and {max}";

  /** Texts come trimmed, blank as null; the recipient group defaults to ORDINARY. */
  record HouseholdForm(
      @NotBlank(message = REQUIRED) @Size(max = 200, message = AT_MOST) @PlainText String address,
      @Size(max = 40, message = AT_MOST) @PlainText String gridCode,
      @Size(max = 40, message = AT_MOST) @PlainText String minimalUnitCode,
      @PhoneNumber String phone,
      @NotNull(message = REQUIRED) @Range(min = 1, max = 30, message = BETWEEN) Integer size,
      @EnumCode(RecipientGroup.class) String recipientGroup) {

    HouseholdForm {
      address = trimmed(address);
      gridCode = trimmed(gridCode);
      minimalUnitCode = trimmed(minimalUnitCode);
      phone = trimmed(phone);
      recipientGroup = trimmed(recipientGroup);
    }
  }

  /** Texts come trimmed, blank as null; flags are codes or Chinese labels. */
  record PersonForm(
      Long householdId,
      @NotBlank(message = REQUIRED) @Size(max = 50, message = AT_MOST) @PlainText String name,
      @IdNumber String idNumber,
      @PhoneNumber String phone,
      @BirthYear Integer birthYear,
      List<@NotNull(message = REQUIRED) @EnumCode(Vulnerability.class) String> flags,
      @Size(max = 500, message = AT_MOST) @PlainText(multiline = true) String chronicConditions,
      @Size(max = 500, message = AT_MOST) @PlainText(multiline = true) String regularMedicines,
      @Size(max = 200, message = AT_MOST) @PlainText(multiline = true) String carerContact,
      @Size(max = 100, message = AT_MOST) @PlainText String checkInBy,
      @Range(min = 1, max = 30, message = BETWEEN) Integer checkInEveryDays) {

    PersonForm {
      name = trimmed(name);
      idNumber = trimmed(idNumber);
      phone = trimmed(phone);
      flags = flags == null ? List.of() : flags.stream().map(flag -> flag == null ? null : flag.strip()).toList();
      chronicConditions = trimmed(chronicConditions);
      regularMedicines = trimmed(regularMedicines);
      carerContact = trimmed(carerContact);
      checkInBy = trimmed(checkInBy);
    }
  }

  /** A mainland resident ID number (GB 11643) with a valid check character. Empty is valid. */
  @Constraint(validatedBy = IdNumber.Check.class)
  @Target({FIELD, METHOD, PARAMETER, TYPE_USE})
  @Retention(RUNTIME)
  @interface IdNumber {
    String message() default "is not a valid 18-character ID number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<IdNumber, String> {
      @Override
      public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || value.isBlank() || IdNumbers.normalise(value) != null;
      }
    }
  }

  /** A year from 1900 to this one. */
  @Constraint(validatedBy = BirthYear.Check.class)
  @Target({FIELD, METHOD, PARAMETER, TYPE_USE})
  @Retention(RUNTIME)
  @interface BirthYear {
    int FIRST = 1900;

    String message() default "must be between " + FIRST + " and {thisYear}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<BirthYear, Integer> {
      @Override
      public boolean isValid(Integer value, ConstraintValidatorContext context) {
        int thisYear = Year.now().getValue();
        if (value == null || value >= FIRST && value <= thisYear) {
          return true;
        }
        context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("thisYear", thisYear);
        return false;
      }
    }
  }

  private final Validator validator;
  private final AreaDirectory areas;

  RegisterForms(Validator validator, AreaDirectory areas) {
    this.validator = validator;
    this.areas = areas;
  }

  Household household(long id, HouseholdForm form) {
    return household(id, form, List.of());
  }

  /**
   * {@code unreadable}: the fields of a CSV row that were not of their type, reported with the
   * rest. The grid may be left out when the minimal unit is given: it is the unit's grid.
   */
  Household household(long id, HouseholdForm form, List<FieldError> unreadable) {
    FormCheck check = FormCheck.of(validator, form, unreadable);
    String grid = form.gridCode();
    String unit = form.minimalUnitCode();
    if (unit != null) {
      var area = areas.minimalUnit(unit);
      if (area.isEmpty()) {
        check.reject("minimalUnitCode", "is not a known minimal unit");
      } else if (grid == null) {
        grid = area.get().parentCode();
      } else if (!grid.equals(area.get().parentCode())) {
        check.reject("minimalUnitCode", "is not in grid " + grid);
      }
    }
    if (grid == null && unit == null) {
      check.reject("gridCode", "is required (or minimalUnitCode)");
    } else if (grid != null && !areas.isGrid(grid)) {
      check.reject("gridCode", "is not a known grid");
    }
    check.orThrow();
    RecipientGroup group = form.recipientGroup() == null ? RecipientGroup.ORDINARY
        : EnumCodeValidator.find(RecipientGroup.class, form.recipientGroup());
    return new Household(id, grid, unit, form.address(), PhoneNumbers.normalise(form.phone()), form.size(), group);
  }

  /** {@code householdExists}: whether the form's household is in the register, as the caller found. */
  Person person(long id, PersonForm form, boolean householdExists) {
    return person(id, form, householdExists, List.of());
  }

  Person person(long id, PersonForm form, boolean householdExists, List<FieldError> unreadable) {
    FormCheck check = FormCheck.of(validator, form, unreadable);
    if (!householdExists) {
      check.reject("householdId", "is not a known household");
    }
    check.orThrow();
    List<Vulnerability> flags = new ArrayList<>();
    for (String code : form.flags()) {
      Vulnerability flag = EnumCodeValidator.find(Vulnerability.class, code);
      if (!flags.contains(flag)) {
        flags.add(flag);
      }
    }
    return new Person(id, form.householdId(), form.name(), IdNumbers.normalise(form.idNumber()),
        PhoneNumbers.normalise(form.phone()), form.birthYear(), List.copyOf(flags), form.chronicConditions(),
        form.regularMedicines(), form.carerContact(), form.checkInBy(), form.checkInEveryDays());
  }
}
