package org.gridaid.register;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.gridaid.shared.Coverage;
import org.gridaid.shared.EnumCodes;
import org.gridaid.shared.PersonalDataCipher;
import org.gridaid.shared.jdbc.Filters;
import org.gridaid.shared.jdbc.Page;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * Households, persons and the access log; personal fields (a household's address and phone, a
 * person's ID number, phone, carer and health) are encrypted here and nowhere else, with a keyed
 * hash beside what is looked up (an address within its grid, phones, ID numbers).
 */
@Repository
class RegisterStore {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final PersonalDataCipher cipher;
  private final boolean postgres;

  RegisterStore(JdbcClient jdbc, JdbcTemplate batch, PersonalDataCipher cipher, DataSource dataSource)
      throws MetaDataAccessException {
    this.jdbc = jdbc;
    this.batch = batch;
    this.cipher = cipher;
    this.postgres = "PostgreSQL".equals(
        JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
  }

  String hash(String plain) {
    return cipher.lookupHash(plain);
  }

  private static final String INSERT_HOUSEHOLD = """
      insert into household (grid_code, minimal_unit_code, address_enc, address_hash, phone_enc, phone_hash, size,
        recipient_group, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
  private static final String UPDATE_HOUSEHOLD = """
      update household set grid_code = ?, minimal_unit_code = ?, address_enc = ?, address_hash = ?, phone_enc = ?,
        phone_hash = ?, size = ?, recipient_group = ?, updated_by = ?, updated_at = current_timestamp where id = ?""";

  long insertHousehold(Household h, String actor) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(INSERT_HOUSEHOLD).params(householdParams(h, actor)).update(keys, "id");
    return keys.getKey().longValue();
  }

  void updateHousehold(Household h, String actor) {
    updateHouseholds(List.of(h), actor);
  }

  /** Many at once, in JDBC batches (the CSV import). */
  void insertHouseholds(List<Household> households, String actor) {
    batch.batchUpdate(INSERT_HOUSEHOLD, households.stream().map(h -> householdParams(h, actor).toArray()).toList());
  }

  void updateHouseholds(List<Household> households, String actor) {
    batch.batchUpdate(UPDATE_HOUSEHOLD, households.stream().map(h -> {
      List<Object> params = householdParams(h, actor);
      params.add(h.id());
      return params.toArray();
    }).toList());
  }

  private List<Object> householdParams(Household h, String actor) {
    return new ArrayList<>(Arrays.asList(h.gridCode(), h.minimalUnitCode(), cipher.encrypt(h.address()),
        hash(h.address()), cipher.encrypt(h.phone()), hash(h.phone()), h.size(), h.recipientGroup().name(), actor));
  }

  Optional<Household> household(long id) {
    return jdbc.sql("select * from household where id = ?").param(id).query(this::mapHousehold).optional();
  }

  /** The household at this address of the grid, found by the keyed hash of the address as the forms trim it. */
  Optional<Household> householdAt(String gridCode, String address) {
    return jdbc.sql("select * from household where grid_code = ? and address_hash = ?").params(gridCode, hash(address))
        .query(this::mapHousehold).optional();
  }

  private static final String INSERT_PERSON = """
      insert into person (household_id, name, id_number_enc, id_number_hash, id_number_held_hash, phone_enc,
        phone_hash, birth_year, flags, chronic_conditions_enc, regular_medicines_enc, carer_contact_enc, check_in_by,
        check_in_every_days, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
  private static final String UPDATE_PERSON = """
      update person set household_id = ?, name = ?, id_number_enc = ?, id_number_hash = ?, id_number_held_hash = ?,
        phone_enc = ?, phone_hash = ?, birth_year = ?, flags = ?, chronic_conditions_enc = ?,
        regular_medicines_enc = ?, carer_contact_enc = ?, check_in_by = ?, check_in_every_days = ?, updated_by = ?,
        updated_at = current_timestamp where id = ?""";

  long insertPerson(Person p, String actor) {
    return insertPerson(p, actor, false);
  }

  /** {@code held}: the person's ID number is another person's, held for review (see {@link RegisterService}). */
  long insertPerson(Person p, String actor, boolean held) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(INSERT_PERSON).params(personParams(p, actor, held)).update(keys, "id");
    return keys.getKey().longValue();
  }

  void updatePerson(Person p, String actor, boolean held) {
    updatePersons(List.of(p), actor, held);
  }

  void insertPersons(List<Person> persons, String actor, boolean held) {
    batch.batchUpdate(INSERT_PERSON, persons.stream().map(p -> personParams(p, actor, held).toArray()).toList());
  }

  void updatePersons(List<Person> persons, String actor, boolean held) {
    batch.batchUpdate(UPDATE_PERSON, persons.stream().map(p -> {
      List<Object> params = personParams(p, actor, held);
      params.add(p.id());
      return params.toArray();
    }).toList());
  }

  private List<Object> personParams(Person p, String actor, boolean held) {
    String idNumberHash = hash(p.idNumber());
    return new ArrayList<>(Arrays.asList(p.householdId(), p.name(), cipher.encrypt(p.idNumber()),
        held ? null : idNumberHash, held ? idNumberHash : null,
        cipher.encrypt(p.phone()), hash(p.phone()), p.birthYear(), EnumCodes.join(p.flags()),
        cipher.encrypt(p.chronicConditions()),
        cipher.encrypt(p.regularMedicines()), cipher.encrypt(p.carerContact()), p.checkInBy(), p.checkInEveryDays(),
        actor));
  }

  /** A person found by their ID number, and the grid of their household. */
  record Holder(long personId, String gridCode) {}

  /** The person registered under this ID number (by its hash), if any. */
  Optional<Holder> holderOf(String idNumberHash) {
    return jdbc.sql("""
            select p.id, h.grid_code from person p join household h on h.id = p.household_id
            where p.id_number_hash = ?""").param(idNumberHash)
        .query((rs, row) -> new Holder(rs.getLong("id"), rs.getString("grid_code"))).optional();
  }

  /** A person of the coverage, other than {@code except}, whose number (by its hash) is held for review. */
  Optional<Holder> heldWithin(String idNumberHash, Coverage coverage, long except) {
    return new Filters().within("h.grid_code", coverage).add("p.id_number_held_hash = ?", idNumberHash)
        .add("p.id <> ?", except)
        .list(jdbc, "select p.id, h.grid_code from person p join household h on h.id = p.household_id", "p.id",
            (rs, row) -> new Holder(rs.getLong("id"), rs.getString("grid_code")))
        .stream().findFirst();
  }

  /** The person registered under the number a person's is held for, if that is them. */
  Optional<Holder> holderOfHeld(long personId) {
    return jdbc.sql("""
            select o.id, oh.grid_code from person p
            join person o on o.id_number_hash = p.id_number_held_hash
            join household oh on oh.id = o.household_id where p.id = ?""").param(personId)
        .query((rs, row) -> new Holder(rs.getLong("id"), rs.getString("grid_code"))).optional();
  }

  Optional<Person> person(long id) {
    return jdbc.sql("select * from person where id = ?").param(id).query(this::mapPerson).optional();
  }

  /**
   * After a bulk import: PostgreSQL plans the next import's look-ups with fresh statistics
   * rather than those of the table before (a plan for an empty table scans 100,000 rows for
   * every thousand looked up).
   */
  void refreshStatistics() {
    if (postgres) {
      jdbc.sql("analyze household").update();
      jdbc.sql("analyze person").update();
    }
  }

  /**
   * The persons with these ID numbers ({@code idNumbers}: each by its hash), with their grid,
   * looked up a thousand at a time. A person found by the hash of a number has that number: it
   * is not decrypted again, nor is the household's address, which the import does not need.
   * {@code held}: the persons whose number is held for review instead, those of the coverage only.
   */
  List<PersonIn> personsByIdNumberHash(Map<String, String> idNumbers, boolean held, Coverage coverage) {
    String column = held ? "p.id_number_held_hash" : "p.id_number_hash";
    return inChunks(idNumbers.keySet(), chunk -> {
      Filters where = new Filters().in(column, chunk);
      if (held) {
        where.within("h.grid_code", coverage);
      }
      return where.list(jdbc, "select p.*, h.grid_code as h_grid from person p"
              + " join household h on h.id = p.household_id", "p.id",
          (rs, row) -> new PersonIn(mapPerson(rs, idNumbers.get(rs.getString(held ? "id_number_held_hash"
              : "id_number_hash"))), rs.getString("h_grid")));
    });
  }

  /** The persons without an ID number in these households: they are known by name. */
  List<Person> personsWithoutIdNumber(Collection<Long> householdIds) {
    return inChunks(householdIds, chunk -> new Filters().in("p.household_id", chunk).add("p.id_number_enc is null")
        .list(jdbc, "select p.* from person p", "p.id", this::mapPerson));
  }

  private static <K, T> List<T> inChunks(Collection<K> keys, Function<List<K>, List<T>> query) {
    List<K> all = List.copyOf(keys);
    List<T> found = new ArrayList<>();
    for (int from = 0; from < all.size(); from += 1_000) {
      found.addAll(query.apply(all.subList(from, Math.min(all.size(), from + 1_000))));
    }
    return found;
  }

  /** Persons with a check-in plan, with the grid of their household. */
  List<Residents.Planned> withCheckInPlan() {
    return jdbc.sql("""
            select p.id, h.grid_code, p.name, p.flags, p.check_in_every_days from person p
            join household h on h.id = p.household_id where p.check_in_every_days is not null order by p.id""")
        .query((rs, row) -> new Residents.Planned(rs.getLong("id"), rs.getString("grid_code"), rs.getString("name"),
            EnumCodes.parse(Vulnerability.class, rs.getString("flags")), rs.getInt("check_in_every_days")))
        .list();
  }

  /** The grid of the household a person belongs to; empty when there is no such person. */
  Optional<String> gridOfPerson(long personId) {
    return jdbc.sql("select h.grid_code from person p join household h on h.id = p.household_id where p.id = ?")
        .param(personId).query(String.class).optional();
  }

  Page<Household> households(Coverage coverage, String gridCode, String phone, int page, int size) {
    return new Filters().within("h.grid_code", coverage).eq("h.grid_code", gridCode).eq("h.phone_hash", hash(phone))
        .page(jdbc, "select h.* from household h", "h.id", page, size, this::mapHousehold);
  }

  /** {@code idNumberHeld}: only persons whose number is held for review against a person of the coverage. */
  Page<Person> persons(Coverage coverage, String gridCode, Vulnerability flag, String name, String phone,
      boolean idNumberHeld, int page, int size) {
    Filters where = new Filters().within("h.grid_code", coverage).eq("h.grid_code", gridCode)
        .eq("p.phone_hash", hash(phone)).eq("p.name", name);
    if (flag != null) {
      where.add("(',' || p.flags || ',') like ?", "%," + flag.name() + ",%");
    }
    if (idNumberHeld) {
      where.add("p.id_number_held_hash is not null").add("exists (select 1 from person o"
          + " join household oh on oh.id = o.household_id where o.id_number_hash = p.id_number_held_hash"
          + (coverage.everywhere() || coverage.gridCodes().isEmpty() ? ""
              : " and oh.grid_code in (" + String.join(",", java.util.Collections.nCopies(coverage.gridCodes().size(),
                  "?")) + ")") + ")", coverage.everywhere() ? new Object[0] : coverage.gridCodes().toArray());
    }
    return where.page(jdbc, "select p.* from person p join household h on h.id = p.household_id", "p.id", page,
        size, this::mapPerson);
  }

  List<Household> allHouseholds(Coverage coverage) {
    return new Filters().within("h.grid_code", coverage)
        .list(jdbc, "select h.* from household h", "h.id", this::mapHousehold);
  }

  /**
   * A household as a persons import finds it: by grid and the keyed hash of its address
   * ({@link #hash}), nothing decrypted.
   */
  record HouseholdKey(long id, String gridCode, String addressHash) {}

  List<HouseholdKey> householdKeys(Coverage coverage) {
    return new Filters().within("h.grid_code", coverage).list(jdbc,
        "select h.id, h.grid_code, h.address_hash from household h", "h.id",
        (rs, row) -> new HouseholdKey(rs.getLong("id"), rs.getString("grid_code"), rs.getString("address_hash")));
  }

  /** A person with the grid of their household, as the import matches them. */
  record PersonIn(Person person, String gridCode) {}

  /** Persons with the grid and address of their household, for the export. */
  record PersonAt(Person person, String gridCode, String address) {}

  /** Each household's address is decrypted once, however many persons live there. */
  List<PersonAt> allPersons(Coverage coverage) {
    Map<Long, String> addresses = new HashMap<>();
    return new Filters().within("h.grid_code", coverage).list(jdbc,
        "select p.*, h.grid_code as h_grid, h.address_enc as h_address_enc from person p"
            + " join household h on h.id = p.household_id", "p.id",
        (rs, row) -> {
          String encrypted = rs.getString("h_address_enc");
          String address = addresses.computeIfAbsent(rs.getLong("household_id"), id -> cipher.decrypt(encrypted));
          return new PersonAt(mapPerson(rs, row), rs.getString("h_grid"), address);
        });
  }

  void logAccess(String userId, String subject, long subjectId, String fields, String reason, Instant at) {
    jdbc.sql("""
            insert into personal_data_access (accessed_at, user_id, subject, subject_id, fields, reason)
            values (?, ?, ?, ?, ?, ?)""")
        .params(Timestamp.from(at), userId, subject, subjectId, fields, reason)
        .update();
  }

  private Household mapHousehold(ResultSet rs, int row) throws SQLException {
    return new Household(rs.getLong("id"), rs.getString("grid_code"), rs.getString("minimal_unit_code"),
        cipher.decrypt(rs.getString("address_enc")), cipher.decrypt(rs.getString("phone_enc")), rs.getInt("size"),
        RecipientGroup.valueOf(rs.getString("recipient_group")));
  }

  private Person mapPerson(ResultSet rs, int row) throws SQLException {
    return mapPerson(rs, cipher.decrypt(rs.getString("id_number_enc")));
  }

  private Person mapPerson(ResultSet rs, String idNumber) throws SQLException {
    return new Person(rs.getLong("id"), rs.getLong("household_id"), rs.getString("name"), idNumber,
        cipher.decrypt(rs.getString("phone_enc")),
        rs.getObject("birth_year", Integer.class), EnumCodes.parse(Vulnerability.class, rs.getString("flags")),
        cipher.decrypt(rs.getString("chronic_conditions_enc")), cipher.decrypt(rs.getString("regular_medicines_enc")),
        cipher.decrypt(rs.getString("carer_contact_enc")), rs.getString("check_in_by"),
        rs.getObject("check_in_every_days", Integer.class));
  }
}
