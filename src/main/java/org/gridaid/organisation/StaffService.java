package org.gridaid.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridaid.shared.Coverage;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.NotFoundException;
import org.gridaid.shared.web.Problems.FieldError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The staff register; every change is carried into Camunda's identity in the same transaction. */
@Service
public class StaffService {

  private static final Logger log = LoggerFactory.getLogger(StaffService.class);

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

  /**
   * The grids an (active) person's work lets them see: the hotline, medical team and district
   * command everywhere; grid, community and street staff their own area; other roles no grid.
   * What they may do there is each module's own rule.
   */
  public Coverage coverageOf(Staff member) {
    return switch (member.role()) {
      case HOTLINE, MEDICAL_TEAM, DISTRICT_COMMAND -> Coverage.EVERYWHERE;
      case GRID_STAFF, GRID_LEADER, COMMUNITY, STREET -> Coverage.of(
          areas.subtree(member.areaCode()).stream().filter(Area::isGrid).map(Area::code)
              .collect(Collectors.toUnmodifiableSet()));
      default -> Coverage.NOWHERE;
    };
  }

  /** The Camunda groups the person is in now (role, area and any others an admin added). */
  public Set<String> groupsOf(String userId) {
    get(userId);
    return camunda.memberships(userId);
  }

  /**
   * Adds a person to the register and creates their Camunda user. Without an initial
   * password they cannot sign in until an administrator sets one in Camunda Admin. The
   * initial password follows the password policy, as every password a person chooses.
   */
  @Transactional
  public Staff register(Staff staff, String initialPassword, String changedBy) {
    return register(staff, initialPassword, PasswordOrigin.PERSON, changedBy);
  }

  /**
   * Adds a person whose password the system wrote, not a person (the demo accounts): it skips
   * the password policy.
   */
  @Transactional
  Staff registerWithSystemPassword(Staff staff, String password, String changedBy) {
    return register(staff, password, PasswordOrigin.SYSTEM, changedBy);
  }

  private Staff register(Staff staff, String initialPassword, PasswordOrigin origin, String changedBy) {
    if (members.find(staff.userId()).isPresent()) {
      throw new ConflictException("Staff member '" + staff.userId() + "' already exists");
    }
    List<FieldError> errors = areaErrors(staff);
    if (initialPassword != null && origin == PasswordOrigin.PERSON) {
      identity.passwordPolicyViolations(staff, initialPassword)
          .forEach(violation -> errors.add(new FieldError("initialPassword", violation)));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    members.insert(staff, changedBy);
    identity.syncStaff(staff, initialPassword, origin);
    log.info("Staff {} registered as {} in {} by {}", staff.userId(), staff.role(), staff.areaCode(), changedBy);
    return staff;
  }

  /**
   * Changes name, role, area or whether the person is active; their groups follow at once.
   * Deactivating also locks the account: an administrator sets a new password in Camunda
   * Admin when the person comes back.
   */
  @Transactional
  public Staff update(Staff staff, String changedBy) {
    Staff before = get(staff.userId());
    List<FieldError> errors = areaErrors(staff);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    members.update(staff, changedBy);
    identity.syncStaff(staff);
    if (before.active() && !staff.active()) {
      camunda.lockOut(staff.userId());
    }
    log.info("Staff {} changed by {}: {} {} -> {} {}{}", staff.userId(), changedBy, before.role(), before.areaCode(),
        staff.role(), staff.areaCode(), staff.active() ? "" : " (inactive)");
    return staff;
  }

  private List<FieldError> areaErrors(Staff staff) {
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
    return errors;
  }
}
