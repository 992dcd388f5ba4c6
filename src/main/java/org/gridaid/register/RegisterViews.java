package org.gridaid.register;

import java.util.List;
import java.util.regex.Pattern;
import org.gridaid.shared.PhoneNumbers;

/** The register over REST: personal fields masked unless revealed. */
final class RegisterViews {

  private static final Pattern DIGIT_RUN = Pattern.compile("\\d{7,}");

  private RegisterViews() {}

  record HouseholdView(long id, String gridCode, String minimalUnitCode, String address, String phone, int size,
      RecipientGroup recipientGroup, String recipientGroupLabel, boolean masked) {

    static HouseholdView of(Household h, boolean revealed) {
      return new HouseholdView(h.id(), h.gridCode(), h.minimalUnitCode(), h.address(),
          revealed ? h.phone() : maskPhone(h.phone()), h.size(), h.recipientGroup(), h.recipientGroup().label(),
          !revealed);
    }
  }

  /**
   * {@code idNumberHeldFor}: the person whose ID number this person's is, while it is held for
   * review; shown only to staff who may see that person too.
   */
  record PersonView(long id, long householdId, String name, String idNumber, String phone, Integer birthYear,
      List<Vulnerability> flags, List<String> flagLabels, String chronicConditions, String regularMedicines,
      String carerContact, String checkInBy, Integer checkInEveryDays, boolean masked, Long idNumberHeldFor) {

    static PersonView of(Person p, boolean revealed) {
      return of(p, revealed, null);
    }

    static PersonView of(Person p, boolean revealed, Long idNumberHeldFor) {
      return new PersonView(p.id(), p.householdId(), p.name(),
          revealed ? p.idNumber() : IdNumbers.mask(p.idNumber()),
          revealed ? p.phone() : maskPhone(p.phone()), p.birthYear(), p.flags(),
          p.flags().stream().map(Vulnerability::label).toList(), p.chronicConditions(), p.regularMedicines(),
          revealed ? p.carerContact() : maskDigits(p.carerContact()), p.checkInBy(), p.checkInEveryDays(),
          !revealed, idNumberHeldFor);
    }
  }

  static String maskPhone(String phone) {
    return phone == null ? null : PhoneNumbers.mask(phone);
  }

  /** A carer contact is free text ("女儿 13812345678"): its numbers are masked, the words kept. */
  static String maskDigits(String text) {
    return text == null ? null : DIGIT_RUN.matcher(text).replaceAll(m -> PhoneNumbers.mask(m.group()));
  }
}
