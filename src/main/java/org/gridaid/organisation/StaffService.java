package org.gridaid.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.NotFoundException;
import org.gridaid.shared.web.Problems.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The staff register; every change is carried into Camunda's identity in the same transaction. */
@Service
public class StaffService {

  private final StaffMembers members;
  private final AreaDirectory areas;
  private final IdentitySync identity;
  private final CamundaIdentity camunda;

  StaffService(StaffMembers members, AreaDirectory areas, IdentitySync identity, CamundaIdentity camunda) {
    this.members = members;
    this.areas = areas;
    this.identity = identity;
    this.camunda = camunda;
  }

  public Optional<Staff> find(String userId) {
    return members.find(userId);
  }

  public Staff get(String userId) {
    return find(userId).orElseThrow(() -> new NotFoundException("Staff member", userId));
  }

  public List<Staff> list(StaffRole role, String areaCode) {
    return members.findBy(role, areaCode);
  }

  /** The Camunda groups the person is in now (role, area and any others an admin added). */
  public Set<String> groupsOf(String userId) {
    get(userId);
    return camunda.memberships(userId);
  }

  /**
   * Adds a person to the register and creates their Camunda user. Without an initial
   * password they cannot sign in until an administrator sets one in Camunda Admin.
   */
  @Transactional
  public Staff register(Staff staff, String initialPassword) {
    if (members.find(staff.userId()).isPresent()) {
      throw new ConflictException("Staff member '" + staff.userId() + "' already exists");
    }
    checkArea(staff);
    members.insert(staff);
    identity.syncStaff(staff, initialPassword);
    return staff;
  }

  /** Changes name, role or area; the person's groups follow at once. */
  @Transactional
  public Staff update(Staff staff) {
    get(staff.userId());
    checkArea(staff);
    members.update(staff);
    identity.syncStaff(staff, null);
    return staff;
  }

  private void checkArea(Staff staff) {
    List<FieldError> errors = new ArrayList<>();
    AreaLevel wanted = staff.role().areaLevel();
    if (wanted == null && staff.areaCode() != null) {
      errors.add(new FieldError("areaCode", "must be empty for role " + staff.role()));
    } else if (wanted != null) {
      Optional<Area> area = areas.find(staff.areaCode());
      if (staff.areaCode() == null) {
        errors.add(new FieldError("areaCode", "is required for role " + staff.role() + " (a " + wanted + ")"));
      } else if (area.isEmpty()) {
        errors.add(new FieldError("areaCode", "is not a known area"));
      } else if (area.get().level() != wanted) {
        errors.add(new FieldError("areaCode", "must be a " + wanted + " for role " + staff.role()));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
