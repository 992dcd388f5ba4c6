package org.gridaid.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.gridaid.shared.validation.PlainText;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/staff")
@Validated
class StaffController {

  static final String USER_ID = "[a-z0-9]+(-[a-z0-9]+)*";

  private final StaffService staff;

  StaffController(StaffService staff) {
    this.staff = staff;
  }

  @GetMapping
  @PreAuthorize("hasRole('STAFF')")
  List<StaffView> list(@RequestParam(required = false) StaffRole role,
      @RequestParam(required = false) @Size(max = 40) String areaCode) {
    return staff.list(role, areaCode).stream().map(s -> StaffView.of(s, null)).toList();
  }

  @GetMapping("/{userId}")
  @PreAuthorize("hasRole('STAFF')")
  StaffView get(@PathVariable @Size(max = 64) String userId) {
    return StaffView.of(staff.get(userId), staff.groupsOf(userId));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('ADMIN')")
  StaffView register(@Valid @RequestBody NewStaff body, Principal admin) {
    Staff created = staff.register(new Staff(body.userId(), body.displayName(), body.role(), body.areaCode(),
        employmentOrDefault(body.employment())), body.initialPassword(), admin.getName());
    return StaffView.of(created, staff.groupsOf(created.userId()));
  }

  /** Moving a person to another grid or role, or deactivating them, changes their groups at once. */
  @PutMapping("/{userId}")
  @PreAuthorize("hasRole('ADMIN')")
  StaffView update(@PathVariable @Size(max = 64) String userId, @Valid @RequestBody StaffChange body,
      Principal admin) {
    Staff updated = staff.update(new Staff(userId, body.displayName(), body.role(), body.areaCode(),
        employmentOrDefault(body.employment()), body.active() == null || body.active()), admin.getName());
    return StaffView.of(updated, staff.groupsOf(userId));
  }

  private static Employment employmentOrDefault(Employment employment) {
    return employment == null ? Employment.FULL_TIME : employment;
  }

  record StaffView(String userId, String displayName, StaffRole role, String roleLabel, String areaCode,
      Employment employment, boolean active, Set<String> groups) {
    static StaffView of(Staff s, Set<String> groups) {
      return new StaffView(s.userId(), s.displayName(), s.role(), s.role().label(), s.areaCode(), s.employment(),
          s.active(), groups);
    }
  }

  record NewStaff(
      @NotBlank @Size(max = 64) @Pattern(regexp = USER_ID, message = "must be lower-case letters and digits joined by '-'") String userId,
      @NotBlank @Size(max = 100) @PlainText String displayName,
      @NotNull StaffRole role,
      @Size(max = 40) @PlainText String areaCode,
      Employment employment,
      @Size(min = 12, max = 128) String initialPassword) {}

  record StaffChange(
      @NotBlank @Size(max = 100) @PlainText String displayName,
      @NotNull StaffRole role,
      @Size(max = 40) @PlainText String areaCode,
      Employment employment,
      Boolean active) {}
}
