package org.gridaid.register;

import java.util.List;

/** A person of a household, with their plan (一人一策); personal fields are plain, decrypted on read. */
record Person(long id, long householdId, String name, String idNumber, String phone, Integer birthYear,
    List<Vulnerability> flags, String chronicConditions, String regularMedicines, String carerContact,
    String checkInBy, Integer checkInEveryDays) {}
