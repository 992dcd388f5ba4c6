package org.gridaid.register;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridaid.shared.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask the register about its households, for work done household by
 * household (a care-pack campaign): who lives in which grid, in which recipient group, how many,
 * and where to knock. One query a call, whatever the number of households; they never read the
 * register's tables themselves.
 */
@Service
@Transactional(readOnly = true)
public class HouseholdRoster {

  private static final int CHUNK = 1000;

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;

  HouseholdRoster(JdbcClient jdbc, PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  /**
   * A household as a distribution plans for it.
   *
   * @param vulnerable somebody in it has a flag of the register (独居老人, 基础性病患者, ...)
   */
  public record Member(long householdId, String gridCode, int size, RecipientGroup group, boolean vulnerable) {}

  /**
   * Where to deliver to a household: its address as the register holds it (decrypted here, for
   * the moment: not to be stored in clear), and its grid.
   */
  public record Door(long householdId, String gridCode, String address) {}

  /** Every household of these grids, by grid and id. */
  public List<Member> inGrids(Collection<String> gridCodes) {
    List<Member> members = new ArrayList<>();
    List<String> grids = List.copyOf(gridCodes);
    for (int from = 0; from < grids.size(); from += CHUNK) {
      members.addAll(jdbc.sql("""
              select h.id, h.grid_code, h.size, h.recipient_group,
                exists (select 1 from person p where p.household_id = h.id and p.flags <> '') as vulnerable
              from household h where h.grid_code in (:grids) order by h.grid_code, h.id""")
          .param("grids", grids.subList(from, Math.min(grids.size(), from + CHUNK)))
          .query((rs, row) -> new Member(rs.getLong("id"), rs.getString("grid_code"), rs.getInt("size"),
              RecipientGroup.valueOf(rs.getString("recipient_group")), rs.getBoolean("vulnerable")))
          .list());
    }
    return members;
  }

  /** The doors of these households, by id; an id the register does not know is left out. */
  public Map<Long, Door> doors(Collection<Long> householdIds) {
    Map<Long, Door> doors = new HashMap<>();
    List<Long> ids = List.copyOf(householdIds);
    for (int from = 0; from < ids.size(); from += CHUNK) {
      jdbc.sql("select id, grid_code, address_enc from household where id in (:ids)")
          .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
          .query((rs, row) -> new Door(rs.getLong("id"), rs.getString("grid_code"),
              cipher.decrypt(rs.getString("address_enc"))))
          .list().forEach(door -> doors.put(door.householdId(), door));
    }
    return doors;
  }

  public Optional<Door> door(long householdId) {
    return Optional.ofNullable(doors(List.of(householdId)).get(householdId));
  }
}
