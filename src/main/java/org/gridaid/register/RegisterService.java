package org.gridaid.register;

import java.time.Clock;
import java.util.Optional;
import org.gridaid.register.RegisterForms.HouseholdForm;
import org.gridaid.register.RegisterForms.PersonForm;
import org.gridaid.shared.Coverage;
import org.gridaid.shared.jdbc.Page;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Households and persons: checked, stored encrypted, read back for the people who may. */
@Service
public class RegisterService {

  private final RegisterStore store;
  private final RegisterForms forms;
  private final Clock clock;

  RegisterService(RegisterStore store, RegisterForms forms, Clock clock) {
    this.store = store;
    this.forms = forms;
    this.clock = clock;
  }

  Household household(long id) {
    return store.household(id).orElseThrow(() -> new NotFoundException("Household", String.valueOf(id)));
  }

  Person person(long id) {
    return store.person(id).orElseThrow(() -> new NotFoundException("Person", String.valueOf(id)));
  }

  String gridOfPerson(long personId) {
    return store.gridOfPerson(personId).orElseThrow(() -> new NotFoundException("Person", String.valueOf(personId)));
  }

  Optional<Household> findHousehold(long id) {
    return store.household(id);
  }

  /** {@code coverage}: the grids the caller may write to. */
  @Transactional
  public Household createHousehold(HouseholdForm form, String actor, Coverage coverage) {
    Household household = forms.household(0, form);
    checkCovered(household.gridCode(), coverage);
    if (store.householdAt(household.gridCode(), household.address()).isPresent()) {
      throw new ConflictException("Grid " + household.gridCode() + " already has a household at '"
          + household.address() + "'");
    }
    return household(store.insertHousehold(household, actor));
  }

  @Transactional
  public Household updateHousehold(long id, HouseholdForm form, String actor, Coverage coverage) {
    household(id);
    Household changed = forms.household(id, form);
    checkCovered(changed.gridCode(), coverage);
    store.householdAt(changed.gridCode(), changed.address()).filter(other -> other.id() != id).ifPresent(other -> {
      throw new ConflictException("Grid " + changed.gridCode() + " already has a household at '"
          + changed.address() + "'");
    });
    store.updateHousehold(changed, actor);
    return household(id);
  }

  @Transactional
  public Person createPerson(PersonForm form, String actor) {
    Person person = forms.person(0, form, householdExists(form.householdId()));
    try {
      return person(store.insertPerson(person, actor));
    } catch (DuplicateKeyException e) {
      throw new ConflictException("A person with this ID number is already in the register");
    }
  }

  @Transactional
  public Person updatePerson(long id, PersonForm form, String actor) {
    person(id);
    Person changed = forms.person(id, form, householdExists(form.householdId()));
    try {
      store.updatePerson(changed, actor);
    } catch (DuplicateKeyException e) {
      throw new ConflictException("Another person with this ID number is already in the register");
    }
    return person(id);
  }

  static void checkCovered(String gridCode, Coverage coverage) {
    if (!coverage.covers(gridCode)) {
      throw new InvalidInputException("gridCode", "is not a grid you cover");
    }
  }

  private boolean householdExists(Long householdId) {
    return householdId != null && store.household(householdId).isPresent();
  }

  Page<Household> households(Coverage coverage, String gridCode, String phone, int page, int size) {
    return store.households(coverage, gridCode, phone, page, size);
  }

  Page<Person> persons(Coverage coverage, String gridCode, Vulnerability flag, String name,
      String phone, int page, int size) {
    return store.persons(coverage, gridCode, flag, name, phone, page, size);
  }

  /** Records that somebody saw unmasked personal data, and why. */
  @Transactional
  public void recordAccess(String userId, String subject, long subjectId, String fields, String reason) {
    store.logAccess(userId, subject, subjectId, fields, reason, clock.instant());
  }
}
