package org.gridaid.register;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.gridaid.register.RegisterForms.HouseholdForm;
import org.gridaid.register.RegisterForms.PersonForm;
import org.gridaid.register.RegisterViews.HouseholdView;
import org.gridaid.register.RegisterViews.PersonView;
import org.gridaid.shared.Coverage;
import org.gridaid.shared.PhoneNumbers;
import org.gridaid.shared.jdbc.Page;
import org.gridaid.shared.web.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The register for staff: each sees the grids they cover and changes those they keep
 * ({@link RegisterAccess}). {@code ?reveal=true&reason=...} shows a household's or person's
 * phone and ID number to the grid staff who serve it. The
 * bodies are the register's forms, checked by the service (their annotations and the rules
 * that need the register together), so a caller hears of every fault at once. Households and
 * persons of grids the caller does not cover are answered as if they did not exist, and so is
 * a resident registered there ({@link RegisterService#createPerson}).
 */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasRole('STAFF')")
@Validated
class RegisterController {

  private static final String PERSONAL_FIELDS = "phone,idNumber,carerContact";

  private final RegisterService register;
  private final RegisterAccess access;

  RegisterController(RegisterService register, RegisterAccess access) {
    this.register = register;
    this.access = access;
  }

  @GetMapping("/households")
  Page<HouseholdView> households(@RequestParam(required = false) @Size(max = 40) String gridCode,
      @RequestParam(required = false) @Size(max = 20) String phone,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(500) int size, Authentication caller) {
    Page<Household> found = register.households(access.coverage(caller), gridCode, PhoneNumbers.normalise(phone), page, size);
    return found.map(h -> HouseholdView.of(h, false));
  }

  @PostMapping("/households")
  @ResponseStatus(HttpStatus.CREATED)
  HouseholdView createHousehold(@RequestBody HouseholdForm form, Authentication caller) {
    return HouseholdView.of(register.createHousehold(form, caller.getName(), access.writable(caller)), false);
  }

  @GetMapping("/households/{id}")
  HouseholdView household(@PathVariable long id, @RequestParam(defaultValue = "false") boolean reveal,
      @RequestParam(required = false) String reason, Authentication caller) {
    Household household = register.household(id);
    access.checkCovers(caller, household.gridCode(), "Household", id);
    return HouseholdView.of(household,
        access.reveal(caller, reveal, reason, household.gridCode(), "HOUSEHOLD", id, "phone"));
  }

  @PutMapping("/households/{id}")
  HouseholdView updateHousehold(@PathVariable long id, @RequestBody HouseholdForm form, Authentication caller) {
    access.checkCovers(caller, register.household(id).gridCode(), "Household", id);
    return HouseholdView.of(register.updateHousehold(id, form, caller.getName(), access.writable(caller)), false);
  }

  @GetMapping("/persons")
  Page<PersonView> persons(@RequestParam(required = false) @Size(max = 40) String gridCode,
      @RequestParam(required = false) Vulnerability flag,
      @RequestParam(required = false) @Size(max = 50) String name,
      @RequestParam(required = false) @Size(max = 20) String phone,
      @RequestParam(defaultValue = "false") boolean idNumberHeld,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(500) int size, Authentication caller) {
    Page<Person> found = register.persons(access.coverage(caller), gridCode, flag, name, PhoneNumbers.normalise(phone),
        idNumberHeld, page, size);
    return found.map(p -> PersonView.of(p, false));
  }

  @PostMapping("/persons")
  @ResponseStatus(HttpStatus.CREATED)
  PersonView createPerson(@RequestBody PersonForm form, Authentication caller) {
    return PersonView.of(register.createPerson(form, caller.getName(), access.writable(caller)), false);
  }

  @GetMapping("/persons/{id}")
  PersonView person(@PathVariable long id, @RequestParam(defaultValue = "false") boolean reveal,
      @RequestParam(required = false) String reason, Authentication caller) {
    Person person = register.person(id);
    String grid = register.gridOfPerson(id);
    access.checkCovers(caller, grid, "Person", id);
    return PersonView.of(person, access.reveal(caller, reveal, reason, grid, "PERSON", id, PERSONAL_FIELDS),
        register.idNumberHeldFor(id, access.coverage(caller)).orElse(null));
  }

  @PutMapping("/persons/{id}")
  PersonView updatePerson(@PathVariable long id, @RequestBody PersonForm form, Authentication caller) {
    access.checkCovers(caller, register.gridOfPerson(id), "Person", id);
    return PersonView.of(register.updatePerson(id, form, caller.getName(), access.writable(caller)), false);
  }
}
