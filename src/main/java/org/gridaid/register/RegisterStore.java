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
import org.gridaid.shared.PersonalDataCipher;
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
        cipher.encrypt(p.phone()), hash(p.phone()), p.birthYear(), joinFlags(p.flags()), p.chronicConditions(),
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

  record Page<T>(List<T> items, long total) {}

  Page<Household> households(Set<String> gridCodes, String gridCode, String phone, int page, int size) {
    Where where = new Where();
    where.in("h.grid_code", gridCodes).eq("h.grid_code", gridCode).eq("h.phone_hash", hash(phone));
    return page("select h.* from household h", where, "h.id", page, size, this::mapHousehold);
  }

  Page<Person> persons(Set<String> gridCodes, String gridCode, PersonFlag flag, String name, String phone, int page,
      int size) {
    Where where = new Where();
    where.in("h.grid_code", gridCodes).eq("h.grid_code", gridCode).eq("p.phone_hash", hash(phone))
        .eq("p.name", name);
    if (flag != null) {
      where.add("(',' || p.flags || ',') like ?", "%," + flag.name() + ",%");
    }
    return page("select p.* from person p join household h on h.id = p.household_id", where, "p.id", page, size,
        this::mapPerson);
  }

  List<Household> allHouseholds(Set<String> gridCodes) {
    Where where = new Where().in("h.grid_code", gridCodes);
    return jdbc.sql("select h.* from household h" + where.sql + " order by h.id").params(where.params)
        .query(this::mapHousehold).list();
  }

  /** Persons with the grid and address of their household, for the export. */
  record PersonAt(Person person, String gridCode, String address) {}

  List<PersonAt> allPersons(Set<String> gridCodes) {
    Where where = new Where().in("h.grid_code", gridCodes);
    return jdbc.sql("select p.*, h.grid_code as h_grid, h.address as h_address from person p"
            + " join household h on h.id = p.household_id" + where.sql + " order by p.id")
        .params(where.params)
        .query((rs, row) -> new PersonAt(mapPerson(rs, row), rs.getString("h_grid"), rs.getString("h_address")))
        .list();
  }

  void logAccess(String userId, String subject, long subjectId, String fields, String reason, Instant at) {
    jdbc.sql("""
            insert into personal_data_access (accessed_at, user_id, subject, subject_id, fields, reason)
            values (?, ?, ?, ?, ?, ?)""")
        .params(Timestamp.from(at), userId, subject, subjectId, fields, reason)
        .update();
  }

  private <T> Page<T> page(String select, Where where, String order, int page, int size,
      org.springframework.jdbc.core.RowMapper<T> mapper) {
    if (where.nothing) {
      return new Page<>(List.of(), 0);
    }
    String count = "select count(*) from (" + select + where.sql + ") counted";
    long total = jdbc.sql(count).params(where.params).query(Long.class).single();
    List<Object> params = new ArrayList<>(where.params);
    params.add((long) page * size);
    params.add(size);
    List<T> items = jdbc.sql(select + where.sql + " order by " + order + " offset ? rows fetch next ? rows only")
        .params(params).query(mapper).list();
    return new Page<>(items, total);
  }

  /** A where clause built from the filters that were given. */
  private static final class Where {
    String sql = " where 1 = 1";
    final List<Object> params = new ArrayList<>();
    boolean nothing;

    Where eq(String column, Object value) {
      return value == null ? this : add(column + " = ?", value);
    }

    /** {@code null} means no limit; an empty set matches nothing. */
    Where in(String column, Set<String> values) {
      if (values == null) {
        return this;
      }
      if (values.isEmpty()) {
        nothing = true;
        return this;
      }
      sql += " and " + column + " in (" + String.join(",", values.stream().map(v -> "?").toList()) + ")";
      params.addAll(values);
      return this;
    }

    Where add(String condition, Object value) {
      sql += " and " + condition;
      params.add(value);
      return this;
    }
  }

  private Household mapHousehold(ResultSet rs, int row) throws SQLException {
    return new Household(rs.getLong("id"), rs.getString("grid_code"), rs.getString("minimal_unit_code"),
        rs.getString("address"), cipher.decrypt(rs.getString("phone_enc")), rs.getInt("size"),
        RecipientGroup.valueOf(rs.getString("recipient_group")));
  }

  private Person mapPerson(ResultSet rs, int row) throws SQLException {
    return new Person(rs.getLong("id"), rs.getLong("household_id"), rs.getString("name"),
        cipher.decrypt(rs.getString("id_number_enc")), cipher.decrypt(rs.getString("phone_enc")),
        rs.getObject("birth_year", Integer.class), parseFlags(rs.getString("flags")),
        rs.getString("chronic_conditions"), rs.getString("regular_medicines"),
        cipher.decrypt(rs.getString("carer_contact_enc")), rs.getString("check_in_by"),
        rs.getObject("check_in_every_days", Integer.class));
  }

  static List<PersonFlag> parseFlags(String csv) {
    return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(PersonFlag::valueOf).toList();
  }

  static String joinFlags(List<PersonFlag> flags) {
    return String.join(",", flags.stream().map(Enum::name).toList());
  }
}
