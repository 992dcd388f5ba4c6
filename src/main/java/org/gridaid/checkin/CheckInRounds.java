package org.gridaid.checkin;

import static org.gridaid.shared.jdbc.Timestamps.instant;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridaid.register.Residents;
import org.gridaid.register.Vulnerability;
import org.gridaid.shared.EnumCodes;
import org.gridaid.shared.PersonalDataCipher;
import org.gridaid.shared.jdbc.Timestamps;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Check-in rounds (one per grid and day) and their entries (one per listed person), in the
 * module's own tables; what the worker wrote down about a need is stored encrypted. A round is
 * saved with its changed entries only (a list has hundreds), guarded by its version.
 */
@Repository
class CheckInRounds {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final PersonalDataCipher cipher;

  CheckInRounds(JdbcClient jdbc, JdbcTemplate batch, PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.cipher = cipher;
  }

  Optional<CheckInRound> find(long id) {
    return jdbc.sql("select * from check_in_round where id = ?").param(id).query(CheckInRounds::row).optional()
        .map(this::withEntries);
  }

  Optional<CheckInRound> find(String gridCode, LocalDate day) {
    return jdbc.sql("select * from check_in_round where grid_code = ? and check_day = ?")
        .params(gridCode, Date.valueOf(day)).query(CheckInRounds::row).optional().map(this::withEntries);
  }

  List<Long> openIds(LocalDate day) {
    return jdbc.sql("select id from check_in_round where day_number = ? and status = 'OPEN' order by id")
        .param(day.toEpochDay()).query(Long.class).list();
  }

  /** A new round with an entry for each of the given people. */
  long create(String gridCode, LocalDate day, List<Residents.Planned> people, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("insert into check_in_round (grid_code, check_day, day_number, status, created_at)"
            + " values (?, ?, ?, 'OPEN', ?)")
        .params(gridCode, Date.valueOf(day), day.toEpochDay(), Timestamp.from(now)).update(keys, "id");
    long id = keys.getKey().longValue();
    batch.batchUpdate("insert into check_in_entry (round_id, person_id, person_name, flags) values (?, ?, ?, ?)",
        people.stream().map(p -> new Object[] {id, p.personId(), p.name(), EnumCodes.join(p.flags())}).toList());
    return id;
  }

  /** Writes the round and its changed entries; another writer saved it first: refused. */
  void save(CheckInRound round) {
    int updated = jdbc.sql("""
            update check_in_round set status = ?, escalation_level = ?, completed_by = ?, completed_at = ?,
              closed_at = ?, version = version + 1 where id = ? and version = ?""")
        .params(round.status().name(), round.escalation() == null ? null : round.escalation().name(),
            round.completedBy(), Timestamps.of(round.completedAt()), Timestamps.of(round.closedAt()), round.id(),
            round.version())
        .update();
    if (updated == 0) {
      throw new OptimisticLockingFailureException("Check-in round " + round.id() + " was changed meanwhile");
    }
    List<Object[]> changed = round.entries().stream().filter(CheckInEntry::changed)
        .map(e -> new Object[] {e.outcome() == null ? null : e.outcome().name(), cipher.encrypt(e.need()),
            e.recordedBy(), Timestamps.of(e.recordedAt()), Timestamps.of(e.needReportedAt()), e.id()})
        .toList();
    batch.batchUpdate("""
        update check_in_entry set outcome = ?, need_enc = ?, recorded_by = ?, recorded_at = ?, need_reported_at = ?
        where id = ?""", changed);
    batch.batchUpdate("insert into check_in_note (round_id, kind, person_id, note_enc, written_by, written_at)"
            + " values (?, ?, ?, ?, ?, ?)",
        round.takeNewNotes().stream().map(n -> new Object[] {round.id(), n.kind().name(), n.personId(),
            cipher.encrypt(n.note()), n.writtenBy(), Timestamp.from(n.writtenAt())}).toList());
  }

  /** For each person answered on a day before {@code day} within {@code days}, the last such day. */
  Map<Long, LocalDate> lastAnswered(LocalDate day, int days) {
    Map<Long, LocalDate> last = new HashMap<>();
    jdbc.sql("""
            select e.person_id, max(r.day_number) from check_in_entry e join check_in_round r on r.id = e.round_id
            where e.outcome is not null and r.day_number < ? and r.day_number >= ? group by e.person_id""")
        .params(day.toEpochDay(), day.toEpochDay() - days)
        .query(rs -> {
          last.put(rs.getLong(1), LocalDate.ofEpochDay(rs.getLong(2)));
        });
    return last;
  }

  /** The outcome of the person's check-in before this day, if there was one. */
  Optional<CheckInOutcome> previousOutcome(long personId, LocalDate before) {
    return jdbc.sql("""
            select e.outcome from check_in_entry e join check_in_round r on r.id = e.round_id
            where e.person_id = ? and r.day_number < ? and e.outcome is not null
            order by r.day_number desc fetch first 1 rows only""")
        .params(personId, before.toEpochDay()).query(String.class).optional().map(CheckInOutcome::valueOf);
  }

  /** The need recorded on an entry, decrypted. */
  Optional<String> need(long entryId) {
    return jdbc.sql("select need_enc from check_in_entry where id = ?").param(entryId).query(String.class)
        .optional().map(cipher::decrypt);
  }

  void linkHelpRequest(long entryId, long helpRequestId) {
    jdbc.sql("update check_in_entry set help_request_id = ? where id = ?").params(helpRequestId, entryId).update();
  }

  /** A round's own row; its entries are read after it (no query inside a row mapper). */
  private record RoundRow(long id, String gridCode, LocalDate day, int version, RoundStatus status,
      RoundEscalation escalation, String completedBy, Instant completedAt, Instant closedAt) {}

  private static RoundRow row(ResultSet rs, int row) throws SQLException {
    String escalation = rs.getString("escalation_level");
    return new RoundRow(rs.getLong("id"), rs.getString("grid_code"), rs.getDate("check_day").toLocalDate(),
        rs.getInt("version"), RoundStatus.valueOf(rs.getString("status")),
        escalation == null ? null : RoundEscalation.valueOf(escalation), rs.getString("completed_by"),
        instant(rs, "completed_at"), instant(rs, "closed_at"));
  }

  private CheckInRound withEntries(RoundRow round) {
    return new CheckInRound(round.id(), round.gridCode(), round.day(), round.version(), round.status(),
        round.escalation(), round.completedBy(), round.completedAt(), round.closedAt(), entries(round.id()),
        notes(round.id()));
  }

  private List<RoundNote> notes(long roundId) {
    return jdbc.sql("select * from check_in_note where round_id = ? order by written_at, id").param(roundId)
        .query((rs, row) -> new RoundNote(RoundNoteKind.valueOf(rs.getString("kind")),
            rs.getObject("person_id", Long.class), cipher.decrypt(rs.getString("note_enc")),
            rs.getString("written_by"), instant(rs, "written_at")))
        .list();
  }

  private List<CheckInEntry> entries(long roundId) {
    return jdbc.sql("select * from check_in_entry where round_id = ? order by person_id").param(roundId)
        .query((rs, row) -> {
          String outcome = rs.getString("outcome");
          return new CheckInEntry(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"),
              EnumCodes.parse(Vulnerability.class, rs.getString("flags")),
              outcome == null ? null : CheckInOutcome.valueOf(outcome), cipher.decrypt(rs.getString("need_enc")),
              rs.getString("recorded_by"), instant(rs, "recorded_at"), instant(rs, "need_reported_at"),
              rs.getObject("help_request_id", Long.class));
        })
        .list();
  }
}
