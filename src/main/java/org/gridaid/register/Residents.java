package org.gridaid.register;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask the register about its people, by id. They never read the
 * register's tables; personal data they get here is for the moment, not for keeping in clear.
 */
@Service
@Transactional(readOnly = true)
public class Residents {

  private final RegisterStore store;

  Residents(RegisterStore store) {
    this.store = store;
  }

  /** A person with a check-in plan (一人一策): called every {@code checkInEveryDays} days. */
  public record Planned(long personId, String gridCode, String name, List<Vulnerability> flags,
      int checkInEveryDays) {}

  /**
   * How to reach a person: their own phone, else the household's (null when the register has
   * none); where they live, and the grid of their household.
   */
  public record Contact(String name, String phone, String address, String gridCode, List<Vulnerability> flags) {}

  public List<Planned> withCheckInPlan() {
    return store.withCheckInPlan();
  }

  public Optional<Contact> contact(long personId) {
    return store.person(personId).flatMap(person -> store.household(person.householdId()).map(household ->
        new Contact(person.name(), person.phone() != null ? person.phone() : household.phone(),
            household.address(), household.gridCode(), person.flags())));
  }
}
