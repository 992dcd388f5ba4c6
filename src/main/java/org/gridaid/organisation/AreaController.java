package org.gridaid.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.stream.Stream;
import org.gridaid.shared.validation.PlainText;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.Problems;
import org.gridaid.shared.web.Problems.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/areas")
@Validated
class AreaController {

  static final String CODE = "[A-Z0-9]+(-[A-Z0-9]+)*";
  private static final String READ = "hasRole('STAFF') or hasAuthority('api:areas:read')";

  private final AreaDirectory directory;

  AreaController(AreaDirectory directory) {
    this.directory = directory;
  }

  /** The whole tree; or the children of {@code parent}; or every area of one {@code level}. */
  @GetMapping
  @PreAuthorize(READ)
  List<AreaNode> list(@RequestParam(required = false) @Size(max = 40) String parent,
      @RequestParam(required = false) AreaLevel level) {
    if (parent != null) {
      directory.get(parent);
      return directory.children(parent).stream().map(this::flat).toList();
    }
    if (level != null) {
      return directory.roots().stream()
          .flatMap(root -> directory.subtree(root.code()).stream())
          .filter(area -> area.level() == level)
          .map(this::flat)
          .toList();
    }
    return directory.roots().stream().map(this::nested).toList();
  }

  @GetMapping("/{code}")
  @PreAuthorize(READ)
  AreaDetail get(@PathVariable @Size(max = 40) String code) {
    Area area = directory.get(code);
    return new AreaDetail(area.code(), area.name(), area.level(), area.level().label(), area.kind(),
        area.address(), area.parentCode(),
        directory.path(code).stream().map(GridResolution.AreaRef::of).toList(),
        directory.children(code).stream().map(this::flat).toList());
  }

  /** Which grid serves an address, a minimal unit or a grid code: give exactly one. */
  @GetMapping("/resolve")
  @PreAuthorize("hasRole('STAFF') or hasAuthority('api:areas:resolve')")
  ResponseEntity<?> resolve(@RequestParam(required = false) @Size(max = 200) String address,
      @RequestParam(required = false) @Size(max = 40) String minimalUnitCode,
      @RequestParam(required = false) @Size(max = 40) String gridCode) {
    long given = Stream.of(address, minimalUnitCode, gridCode).filter(v -> v != null && !v.isBlank()).count();
    if (given != 1) {
      throw new InvalidInputException(Stream.of("address", "minimalUnitCode", "gridCode")
          .map(field -> new FieldError(field, "give exactly one of address, minimalUnitCode, gridCode"))
          .toList());
    }
    if (address != null && !address.isBlank()) {
      return directory.resolveAddress(address)
          .<ResponseEntity<?>>map(ResponseEntity::ok)
          .orElseGet(() -> notResolved(directory.candidatesFor(address)));
    }
    String code = minimalUnitCode != null ? minimalUnitCode : gridCode;
    return directory.resolveCode(code)
        .filter(r -> minimalUnitCode != null ? r.minimalUnitCode() != null : r.minimalUnitCode() == null)
        .<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> notResolved(List.of()));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('ADMIN')")
  AreaNode create(@Valid @RequestBody NewArea body) {
    return flat(directory.create(new Area(body.code(), body.parentCode(), body.level(), body.name(), body.kind(),
        body.address(), body.sortOrder() == null ? 0 : body.sortOrder())));
  }

  private ResponseEntity<ProblemDetail> notResolved(List<Area> candidates) {
    ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, Problems.ADDRESS_NOT_RESOLVED, "Address not resolved",
        candidates.isEmpty() ? "No grid serves this address or code."
            : "The address matches minimal units of several grids; choose one.");
    if (!candidates.isEmpty()) {
      problem.setProperty("candidates", candidates.stream().map(this::flat).toList());
    }
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
  }

  private AreaNode flat(Area area) {
    return new AreaNode(area.code(), area.name(), area.level(), area.kind(), area.address(),
        directory.children(area.code()).size(), null);
  }

  private AreaNode nested(Area area) {
    List<Area> children = directory.children(area.code());
    return new AreaNode(area.code(), area.name(), area.level(), area.kind(), area.address(), children.size(),
        children.stream().map(this::nested).toList());
  }

  record AreaNode(String code, String name, AreaLevel level, String kind, String address, int childCount,
      List<AreaNode> children) {}

  record AreaDetail(String code, String name, AreaLevel level, String levelLabel, String kind, String address,
      String parentCode, List<GridResolution.AreaRef> path, List<AreaNode> children) {}

  record NewArea(
      @NotBlank @Size(max = 40) @Pattern(regexp = CODE, message = "must be upper-case letters and digits joined by '-'") String code,
      @Size(max = 40) @PlainText String parentCode,
      @NotNull AreaLevel level,
      @NotBlank @Size(max = 100) @PlainText String name,
      @Pattern(regexp = "COMMUNITY|VILLAGE", message = "must be COMMUNITY or VILLAGE") String kind,
      @Size(max = 200) @PlainText String address,
      Integer sortOrder) {}
}
