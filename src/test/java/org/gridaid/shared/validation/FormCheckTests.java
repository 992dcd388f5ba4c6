package org.gridaid.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.Problems.FieldError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** A form's faults, from its annotations and from code, named as the caller sent the fields. */
class FormCheckTests {

  static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
  static final Validator VALIDATOR = FACTORY.getValidator();

  enum Colour implements Labelled {
    RED("红"), GREEN("绿");

    private final String label;

    Colour(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  record Form(@NotBlank(message = "is required") String name, @PhoneNumber String phone, Integer count,
      List<@NotNull(message = "is required") @EnumCode(Colour.class) String> colours) {}

  @AfterAll
  static void close() {
    FACTORY.close();
  }

  static List<FieldError> faults(FormCheck check) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, check::orThrow);
    return e == null ? List.of() : e.errors();
  }

  @Test
  void faultsComeInTheOrderOfTheFormWithListElementsByIndex() {
    Form form = new Form(" ", "12345", 3, List.of("red", "BLUE", "绿", "紫"));

    FormCheck check = FormCheck.of(VALIDATOR, form).reject("count", "is too many for this grid");

    assertThat(faults(check)).containsExactly(
        new FieldError("name", "is required"),
        new FieldError("phone", "must be a mainland mobile (11 digits) or landline number"),
        new FieldError("count", "is too many for this grid"),
        new FieldError("colours[1]", "must be one of [RED, GREEN]"),
        new FieldError("colours[3]", "must be one of [RED, GREEN]"));
  }

  @Test
  void aFieldThatCouldNotBeReadIsNotAlsoReportedAsMissing() {
    Form form = new Form(null, null, null, List.of());

    FormCheck check = FormCheck.of(VALIDATOR, form, List.of(new FieldError("name", "could not be read")));

    assertThat(check.failed("name")).isTrue();
    assertThat(faults(check)).containsExactly(new FieldError("name", "could not be read"));
  }

  @Test
  void codesInAnyCaseLabelsAndPhonesWithSpacesOrTheCountryCodeAreValid() {
    Form form = new Form("王伯", "+86 138 1234 5678", null, List.of("red", " GREEN ", "红"));

    assertThatNoException().isThrownBy(FormCheck.of(VALIDATOR, form)::orThrow);
    assertThat(EnumCodeValidator.find(Colour.class, " 绿 ")).isEqualTo(Colour.GREEN);
    assertThat(EnumCodeValidator.find(Colour.class, "Green")).isEqualTo(Colour.GREEN);
    assertThat(EnumCodeValidator.find(Colour.class, "blue")).isNull();
  }
}
