package org.gridaid.register;

import java.util.List;
import org.gridaid.register.RegisterForms.HouseholdForm;
import org.gridaid.register.RegisterForms.PersonForm;
import org.gridaid.shared.Coverage;

/** People in the register for other modules' tests, made through the register's own service. */
public final class RegisterFixtures {

  private RegisterFixtures() {}

  /**
   * A person living alone (独居老人) in a household of their own in {@code gridCode}, called every
   * {@code everyDays} days; {@code phone} null for somebody the register has no number for (the
   * household then has none either). Returns the person's id.
   */
  public static long listedPerson(RegisterService register, String gridCode, String name, int everyDays,
      String phone) {
    var household = register.createHousehold(new HouseholdForm("随访测试" + System.nanoTime() + "号", gridCode,
        null, phone == null ? null : "13700001111", 1, "ORDINARY"), "test", Coverage.EVERYWHERE);
    return register.createPerson(personForm(household.id(), gridCode, name, everyDays, phone), "test").id();
  }

  /** Gives the person a phone of their own. */
  public static void givePhone(RegisterService register, long personId, String phone) {
    Person person = register.person(personId);
    register.updatePerson(personId, new PersonForm(person.householdId(), person.name(), person.idNumber(), phone,
        person.birthYear(), person.flags().stream().map(Enum::name).toList(), person.chronicConditions(),
        person.regularMedicines(), person.carerContact(), person.checkInBy(), person.checkInEveryDays()), "test");
  }

  private static PersonForm personForm(long household, String gridCode, String name, int everyDays, String phone) {
    return new PersonForm(household, name, null, phone, 1940, List.of("ELDERLY_ALONE"), null, null, null,
        "grid-" + gridCode, everyDays);
  }
}
