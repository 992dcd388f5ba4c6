package org.gridaid.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridaid.shared.EnumCodes;
import org.gridaid.shared.PersonalDataCipher;
import org.gridaid.shared.jdbc.Filters;
import org.gridaid.shared.jdbc.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Households, persons and the access log; personal fields are encrypted here and nowhere else. */
@Repository
class RegisterStore {

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;

  RegisterStore(JdbcClient jdbc, PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  String hash(String plain) {
    return cipher.lookupHash(plain);
  }

  long insertHousehold(Household h, String actor) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into household (grid_code, minimal_unit_code, address, phone_enc, phone_hash, size,
              recipient_group, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(h.gridCode(), h.minimalUnitCode(), h.address(), cipher.encrypt(h.phone()), hash(h.phone()), h.size(),
            h.recipientGroup().name(), actor)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void updateHousehold(Household h, String actor) {
    jdbc.sql("""
            update household set grid_code = ?, minimal_unit_code = ?, address = ?, phone_enc = ?, phone_hash = ?,
              size = ?, recipient_group = ?, updated_by = ?, updated_at = current_timestamp where id = ?""")
        .params(h.gridCode(), h.minimalUnitCode(), h.address(), cipher.encrypt(h.phone()), hash(h.phone()), h.size(),
            h.recipientGroup().name(), actor, h.id())
        .update();
  }

  Optional<Household> household(long id) {
    return jdbc.sql("select * from household where id = ?").param(id).query(this::mapHousehold).optional();
  }

  Optional<Household> householdAt(String gridCode, String address) {
    return jdbc.sql("select * from household where grid_code = ? and address = ?").params(gridCode, address)
        .query(this::mapHousehold).optional();
  }

  long insertPerson(Person p, String actor) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into person (household_id, name, id_number_enc, id_number_hash, phone_enc, phone_hash, birth_year,
              flags, chronic_conditions, regular_medicines, carer_contact_enc, check_in_by, check_in_every_days,
              updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(personParams(p, actor).toArray())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void updatePerson(Person p, String actor) {
    List<Object> params = personParams(p, actor);
    params.add(p.id());
    jdbc.sql("""
            update person set household_id = ?, name = ?, id_number_enc = ?, id_number_hash = ?, phone_enc = ?,
              phone_hash = ?, birth_year = ?, flags = ?, chronic_conditions = ?, regular_medicines = ?,
              carer_contact_enc = ?, check_in_by = ?, check_in_every_days = ?, updated_by = ?,
              updated_at = current_timestamp where id = ?""")
        .params(params.toArray())
        .update();
  }

  private List<Object> personParams(Person p, String actor) {
    return new ArrayList<>(Arrays.asList(p.householdId(), p.name(), cipher.encrypt(p.idNumber()), hash(p.idNumber()),
        cipher.encrypt(p.phone()), hash(p.phone()), p.birthYear(), EnumCodes.join(p.flags()), p.chronicConditions(),
        p.regularMedicines(), cipher.encrypt(p.carerContact()), p.checkInBy(), p.checkInEveryDays(), actor));
  }

  Optional<Person> person(long id) {
    return jdbc.sql("select * from person where id = ?").param(id).query(this::mapPerson).optional();
  }

  Optional<Person> personByIdNumber(String idNumber) {
    return jdbc.sql("select * from person where id_number_hash = ?").param(hash(idNumber)).query(this::mapPerson)
        .optional();
  }

  Optional<Person> personNamed(long householdId, String name) {
    return jdbc.sql("select * from person where household_id = ? and name = ? and id_number_hash is null")
        .params(householdId, name).query(this::mapPerson).optional();
  }

  /** The grid of the household a person belongs to. */
  String gridOfPerson(long personId) {
    return jdbc.sql("select h.grid_code from person p join household h on h.id = p.household_id where p.id = ?")
        .param(personId).query(String.class).single();
  }

  Page<Household> households(Set<String> gridCodes, String gridCode, String phone, int page, int size) {
    return new Filters().in("h.grid_code", gridCodes).eq("h.grid_code", gridCode).eq("h.phone_hash", hash(phone))
        .page(jdbc, "select h.* from household h", "h.id", page, size, this::mapHousehold);
  }

  Page<Person> persons(Set<String> gridCodes, String gridCode, PersonFlag flag, String name, String phone, int page,
      int size) {
    Filters where = new Filters().in("h.grid_code", gridCodes).eq("h.grid_code", gridCode)
        .eq("p.phone_hash", hash(phone)).eq("p.name", name);
    if (flag != null) {
      where.add("(',' || p.flags || ',') like ?", "%," + flag.name() + ",%");
    }
    return where.page(jdbc, "select p.* from person p join household h on h.id = p.household_id", "p.id", page,
        size, this::mapPerson);
  }

  List<Household> allHouseholds(Set<String> gridCodes) {
    return new Filters().in("h.grid_code", gridCodes)
        .list(jdbc, "select h.* from household h", "h.id", this::mapHousehold);
  }

  /** Persons with the grid and address of their household, for the export. */
  record PersonAt(Person person, String gridCode, String address) {}

  List<PersonAt> allPersons(Set<String> gridCodes) {
    return new Filters().in("h.grid_code", gridCodes).list(jdbc,
        "select p.*, h.grid_code as h_grid, h.address as h_address from person p"
            + " join household h on h.id = p.household_id", "p.id",
        (rs, row) -> new PersonAt(mapPerson(rs, row), rs.getString("h_grid"), rs.getString("h_address")));
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
        rs.getString("address"), cipher.decrypt(rs.getString("phone_enc")), rs.getInt("size"),
        RecipientGroup.valueOf(rs.getString("recipient_group")));
  }

  private Person mapPerson(ResultSet rs, int row) throws SQLException {
    return new Person(rs.getLong("id"), rs.getLong("household_id"), rs.getString("name"),
        cipher.decrypt(rs.getString("id_number_enc")), cipher.decrypt(rs.getString("phone_enc")),
        rs.getObject("birth_year", Integer.class), EnumCodes.parse(PersonFlag.class, rs.getString("flags")),
        rs.getString("chronic_conditions"), rs.getString("regular_medicines"),
        cipher.decrypt(rs.getString("carer_contact_enc")), rs.getString("check_in_by"),
        rs.getObject("check_in_every_days", Integer.class));
  }
}
