package org.gridaid.organisation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.NotFoundException;
import org.gridaid.shared.web.Problems.FieldError;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The hierarchy as the other modules see it: look-ups, the tree, and "whose grid is this
 * address?". Reads come from an in-memory snapshot, refreshed after every change on this
 * node and at least every {@link #MAX_AGE} for changes made on other nodes.
 */
@Service
public class AreaDirectory {

  static final Duration MAX_AGE = Duration.ofSeconds(30);

  private final Areas areas;
  private final ApplicationEventPublisher events;
  private volatile Snapshot snapshot;

  /** {@code loadedAt}: System.nanoTime(), a cache's age, not the business time the engine's clock gives. */
  private record Snapshot(AreaTree tree, long loadedAt) {}

  AreaDirectory(Areas areas, ApplicationEventPublisher events) {
    this.areas = areas;
    this.events = events;
  }

  public Optional<Area> find(String code) {
    return tree().find(code);
  }

  public Area get(String code) {
    return find(code).orElseThrow(() -> new NotFoundException("Area", code));
  }

  public List<Area> roots() {
    return tree().roots();
  }

  public List<Area> children(String code) {
    return tree().children(code);
  }

  public List<Area> path(String code) {
    return tree().path(code);
  }

  /** Whether {@code code} names a grid of the tree. */
  public boolean isGrid(String code) {
    return code != null && find(code).filter(Area::isGrid).isPresent();
  }

  /** The minimal unit {@code code} names, if it names one. */
  public Optional<Area> minimalUnit(String code) {
    return code == null ? Optional.empty() : find(code).filter(area -> area.level() == AreaLevel.MINIMAL_UNIT);
  }

  /** The area of the given level above (or at) the area of {@code code}: a grid's community or street. */
  public Optional<Area> enclosing(String code, AreaLevel level) {
    return path(code).stream().filter(area -> area.level() == level).findFirst();
  }

  /** Every area below the given one, at any depth, the area itself first. */
  public List<Area> subtree(String code) {
    AreaTree tree = tree();
    List<Area> result = new ArrayList<>();
    tree.find(code).ifPresent(root -> collect(tree, root, result));
    return result;
  }

  private static void collect(AreaTree tree, Area area, List<Area> into) {
    into.add(area);
    tree.children(area.code()).forEach(child -> collect(tree, child, into));
  }

  /** The grid of a grid code or minimal-unit code; empty for other levels or unknown codes. */
  public Optional<GridResolution> resolveCode(String code) {
    return tree().resolveCode(code);
  }

  /** The grid of a free-text address; empty when no unit matches or the match is ambiguous. */
  public Optional<GridResolution> resolveAddress(String address) {
    return tree().resolveAddress(address);
  }

  /** The minimal units an address could mean, to show a person choosing by hand. */
  public List<Area> candidatesFor(String address) {
    return tree().unitsMatching(address);
  }

  @Transactional
  public Area create(Area area) {
    List<FieldError> errors = new ArrayList<>();
    AreaLevel parentLevel = area.level().parent();
    if (areas.exists(area.code())) {
      throw new ConflictException("Area '" + area.code() + "' already exists");
    }
    if (parentLevel == null) {
      if (area.parentCode() != null) {
        errors.add(new FieldError("parentCode", "must be empty for a district"));
      }
    } else {
      Optional<Area> parent = find(area.parentCode());
      if (parent.isEmpty()) {
        errors.add(new FieldError("parentCode", "is not a known area"));
      } else if (parent.get().level() != parentLevel) {
        errors.add(new FieldError("parentCode", "must be a " + parentLevel + " for a " + area.level()));
      } else if (!area.code().startsWith(area.parentCode() + "-")) {
        errors.add(new FieldError("code", "must start with the parent code followed by '-'"));
      }
    }
    if (area.level() == AreaLevel.MINIMAL_UNIT && (area.address() == null || area.address().isBlank())) {
      errors.add(new FieldError("address", "is required for a minimal unit"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    areas.insert(area);
    invalidate();
    events.publishEvent(new AreaCreated(area));
    return area;
  }

  /** Published inside the creating transaction. */
  public record AreaCreated(Area area) {}

  private AreaTree tree() {
    Snapshot current = snapshot;
    if (current == null || System.nanoTime() - current.loadedAt() > MAX_AGE.toNanos()) {
      current = new Snapshot(new AreaTree(areas.findAll()), System.nanoTime());
      snapshot = current;
    }
    return current.tree();
  }

  private void invalidate() {
    snapshot = null;
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          snapshot = null;
        }
      });
    }
  }
}
