package org.gridaid.register;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Check-in rounds (one per grid and day) and their entries (one per listed person). */
@Repository
class CheckIns {

  enum Outcome { FINE, NEEDS_HELP, NOT_REACHED }

  record Round(long id, String gridCode, LocalDate day, String status, String escalationLevel) {}

  record Entry(long id, long roundId, long personId, String personName, String flags, Outcome outcome, String need,
      Long helpRequestId) {}

  private final JdbcClient jdbc;

  CheckIns(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Grids with people due today: never called, or last round at least their interval ago. */
  List<String> gridsWithPeopleDue(LocalDate day) {
    return jdbc.sql("select distinct h.grid_code from person p join household h on h.id = p.household_id"
            + " where " + DUE + " order by h.grid_code")
        .params(day.toEpochDay(), day.toEpochDay()).query(String.class).list();
  }

  private static final String DUE = """
      p.check_in_every_days is not null and not exists (
        select 1 from check_in_entry e join check_in_round r on r.id = e.round_id
        where e.person_id = p.id and e.outcome is not null and r.day_number < ?
          and r.day_number > ? - p.check_in_every_days)""";

  Optional<Round> round(String gridCode, LocalDate day) {
    return jdbc.sql("select * from check_in_round where grid_code = ? and check_day = ?")
        .params(gridCode, Date.valueOf(day)).query(CheckIns::round).optional();
  }

  List<Long> openRounds(LocalDate day) {
    return jdbc.sql("select id from check_in_round where day_number = ? and status = 'OPEN' order by id")
        .param(day.toEpochDay()).query(Long.class).list();
  }

  Optional<Round> round(long id) {
    return jdbc.sql("select * from check_in_round where id = ?").param(id).query(CheckIns::round).optional();
  }

  /** The round with an entry for each person of the grid due that day. */
  long createRound(String gridCode, LocalDate day, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("insert into check_in_round (grid_code, check_day, day_number, status, created_at)"
            + " values (?, ?, ?, 'OPEN', ?)")
        .params(gridCode, Date.valueOf(day), day.toEpochDay(), Timestamp.from(now)).update(keys, "id");
    long id = keys.getKey().longValue();
    jdbc.sql("insert into check_in_entry (round_id, person_id) select ?, p.id from person p"
            + " join household h on h.id = p.household_id where h.grid_code = ? and " + DUE)
        .params(id, gridCode, day.toEpochDay(), day.toEpochDay()).update();
    return id;
  }

  List<Entry> entries(long roundId) {
    return jdbc.sql("""
            select e.*, p.name, p.flags from check_in_entry e join person p on p.id = e.person_id
            where e.round_id = ? order by p.id""")
        .param(roundId)
        .query((rs, row) -> new Entry(rs.getLong("id"), rs.getLong("round_id"), rs.getLong("person_id"),
            rs.getString("name"), rs.getString("flags"),
            rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")), rs.getString("need"),
            rs.getObject("help_request_id", Long.class)))
        .list();
  }

  void record(long entryId, Outcome outcome, String need, String actor, Instant at, Long helpRequestId) {
    jdbc.sql("update check_in_entry set outcome = ?, need = ?, recorded_by = ?, recorded_at = ?, help_request_id = ?"
            + " where id = ?")
        .params(outcome.name(), need, actor, Timestamp.from(at), helpRequestId, entryId).update();
  }

  /** The outcome of the person's check-in before this round, if there was one. */
  Optional<Outcome> previousOutcome(long personId, LocalDate before) {
    return jdbc.sql("""
            select e.outcome from check_in_entry e join check_in_round r on r.id = e.round_id
            where e.person_id = ? and r.day_number < ? and e.outcome is not null
            order by r.day_number desc fetch first 1 rows only""")
        .params(personId, before.toEpochDay()).query(String.class).optional().map(Outcome::valueOf);
  }

  void complete(long roundId, String actor, Instant at) {
    jdbc.sql("update check_in_round set status = 'COMPLETED', completed_by = ?, completed_at = ? where id = ?")
        .params(actor, Timestamp.from(at), roundId).update();
  }

  void escalate(long roundId, String level) {
    jdbc.sql("update check_in_round set escalation_level = ? where id = ?").params(level, roundId).update();
  }

  private static Round round(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Round(rs.getLong("id"), rs.getString("grid_code"), rs.getDate("check_day").toLocalDate(),
        rs.getString("status"), rs.getString("escalation_level"));
  }
}
