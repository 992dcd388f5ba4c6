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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Households and persons: checked, stored encrypted, read back for the people who may. */
@Service
public class RegisterService {

  private static final Logger log = LoggerFactory.getLogger(RegisterService.class);

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

  /** A person made by the system (demo data, tests): it covers every grid. */
  @Transactional
  public Person createPerson(PersonForm form, String actor) {
    return createPerson(form, actor, Coverage.EVERYWHERE);
  }

  /**
   * {@code coverage}: the grids the caller may see and write to. A household outside them is
   * "not a known household", as one that does not exist. For a number that is already another
   * person's, see {@link #idNumberHeld}.
   */
  @Transactional
  public Person createPerson(PersonForm form, String actor, Coverage coverage) {
    Person person = forms.person(0, form, householdKnown(form.householdId(), coverage));
    boolean held = idNumberHeld(person, coverage);
    try {
      return person(store.insertPerson(person, actor, held));
    } catch (DuplicateKeyException e) {
      throw new ConflictException(SAME_MOMENT);
    }
  }

  @Transactional
  public Person updatePerson(long id, PersonForm form, String actor) {
    return updatePerson(id, form, actor, Coverage.EVERYWHERE);
  }

  @Transactional
  public Person updatePerson(long id, PersonForm form, String actor, Coverage coverage) {
    person(id);
    Person changed = forms.person(id, form, householdKnown(form.householdId(), coverage));
    boolean held = idNumberHeld(changed, coverage);
    try {
      store.updatePerson(changed, actor, held);
    } catch (DuplicateKeyException e) {
      throw new ConflictException(SAME_MOMENT);
    }
    return person(id);
  }

  private static final String SAME_MOMENT = "Somebody registered a person with this ID number at the same moment;"
      + " nothing of yours was saved. Read the register again and retry.";

  /**
   * Whether the person's ID number is held for review, because it is already the number of a
   * person in a grid the caller does not cover; a number already a person's the caller may
   * see is a 409 that names them.
   *
   * <p>Why held and not refused: a refusal, however worded, would tell a grid worker that the
   * number is registered somewhere else (register a number twice: refused = somewhere, accepted
   * = nowhere), and so where a resident is registered and that they are. Held, the person is
   * stored with the number as entered and answered exactly like any other, so the worker
   * cannot tell the two apart, here or later: the number is not a key of theirs (a second
   * person with it in their grids is a 409 naming the first, as for any number; an import
   * matches the held person). It is only not the person's key (id_number_hash stays unique)
   * and is found by {@code ?idNumberHeld=true} by staff who cover both grids, who settle which
   * is right (the person moved, or a typo) by correcting one of them. The number itself is no
   * secret to the worker who typed it: the resident gave it to them.
   */
  private boolean idNumberHeld(Person person, Coverage coverage) {
    if (person.idNumber() == null) {
      return false;
    }
    String hash = store.hash(person.idNumber());
    Optional<RegisterStore.Holder> holder = store.holderOf(hash).filter(h -> h.personId() != person.id());
    if (holder.isPresent() && coverage.covers(holder.get().gridCode())) {
      throw alreadyRegistered(holder.get());
    }
    Optional<RegisterStore.Holder> held = store.heldWithin(hash, coverage, person.id());
    if (held.isPresent()) {
      throw alreadyRegistered(held.get());
    }
    if (holder.isPresent()) {
      log.info("A person of household {} has the ID number of person {} of grid {}: held for review",
          person.householdId(), holder.get().personId(), holder.get().gridCode());
      return true;
    }
    return false;
  }

  private static ConflictException alreadyRegistered(RegisterStore.Holder holder) {
    return new ConflictException("Person " + holder.personId() + " of grid " + holder.gridCode()
        + " is already in the register with this ID number");
  }

  /** The person whose number {@code personId}'s is held for, if the caller may see them. */
  Optional<Long> idNumberHeldFor(long personId, Coverage coverage) {
    return store.holderOfHeld(personId).filter(h -> coverage.covers(h.gridCode())).map(RegisterStore.Holder::personId);
  }

  static void checkCovered(String gridCode, Coverage coverage) {
    if (!coverage.covers(gridCode)) {
      throw new InvalidInputException("gridCode", "is not a grid you cover");
    }
  }

  /** Whether the household is in the register, in a grid the caller covers. */
  private boolean householdKnown(Long householdId, Coverage coverage) {
    return householdId != null && store.household(householdId).filter(h -> coverage.covers(h.gridCode())).isPresent();
  }

  Page<Household> households(Coverage coverage, String gridCode, String phone, int page, int size) {
    return store.households(coverage, gridCode, phone, page, size);
  }

  Page<Person> persons(Coverage coverage, String gridCode, Vulnerability flag, String name,
      String phone, boolean idNumberHeld, int page, int size) {
    return store.persons(coverage, gridCode, flag, name, phone, idNumberHeld, page, size);
  }

  /** Records that somebody saw unmasked personal data, and why. */
  @Transactional
  public void recordAccess(String userId, String subject, long subjectId, String fields, String reason) {
    store.logAccess(userId, subject, subjectId, fields, reason, clock.instant());
  }
}
