package org.gridaid.register;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.gridaid.register.CheckIns.Entry;
import org.gridaid.register.CheckIns.Round;
import org.gridaid.shared.engine.EngineErrors;
import org.gridaid.shared.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A grid worker's phone app: today's list, and what they heard, one person or many at a time. */
@RestController
@RequestMapping("/api/v1/check-ins")
@PreAuthorize("hasRole('STAFF')")
@Validated
class CheckInController {

  private final CheckInService checkIns;
  private final RegisterAccess access;
  private final TaskService tasks;

  CheckInController(CheckInService checkIns, RegisterAccess access, TaskService tasks) {
    this.checkIns = checkIns;
    this.access = access;
    this.tasks = tasks;
  }

  record RoundView(long id, String gridCode, LocalDate day, String status, String escalationLevel,
      List<Entry> entries) {
    static RoundView of(Round r, List<Entry> entries) {
      return new RoundView(r.id(), r.gridCode(), r.day(), r.status(), r.escalationLevel(), entries);
    }
  }

  @GetMapping("/today")
  RoundView today(@RequestParam @Size(max = 40) String gridCode, Authentication caller) {
    Round round = checkIns.round(gridCode, checkIns.today())
        .orElseThrow(() -> new NotFoundException("Check-in round today for grid", gridCode));
    access.checkCovers(caller, gridCode, "Check-in round", round.id());
    return RoundView.of(round, checkIns.entries(round.id()));
  }

  record Recording(List<CheckInService.Heard> entries, boolean finish) {}

  /** Records outcomes; {@code finish} closes the day's round and its Tasklist task. */
  @PostMapping("/{roundId}/entries")
  RoundView record(@PathVariable long roundId, @RequestBody Recording body, Authentication caller) {
    Round round = checkIns.round(roundId);
    access.checkCovers(caller, round.gridCode(), "Check-in round", roundId);
    if (!access.serves(caller, round.gridCode())) {
      throw new AccessDeniedException("Only the grid's own staff record its check-ins");
    }
    checkIns.record(roundId, body.entries() == null ? List.of() : body.entries(), caller.getName(), false);
    if (body.finish()) {
      var task = checkIns.openTask(round).orElse(null);
      if (task == null) {
        checkIns.record(roundId, List.of(), caller.getName(), true);
      } else {
        tasks.setAssignee(task.getId(), caller.getName());
        try {
          tasks.complete(task.getId());
        } catch (ProcessEngineException e) {
          throw EngineErrors.asInputError(e);
        }
      }
    }
    return RoundView.of(checkIns.round(roundId), checkIns.entries(roundId));
  }
}
