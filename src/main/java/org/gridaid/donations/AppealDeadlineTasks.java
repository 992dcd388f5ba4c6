package org.gridaid.donations;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.gridaid.donations.AppealDeadlineProcess.Form;
import org.gridaid.donations.AppealDeadlineProcess.Shown;
import org.gridaid.shared.engine.FormTaskListener;
import org.gridaid.shared.engine.FormVariables;
import org.gridaid.shared.web.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The decision at an appeal's deadline (征集截止, 决定结束或延期). Created, the task shows the
 * appeal as the module holds it now (title, target, pledged, received), task-local and never
 * taken back from the form. Completed, it closes the appeal as {@code POST .../close} does, or
 * moves its deadline to a later moment and writes it for the timer, which waits again.
 */
@Component("appealDeadlineTasks")
class AppealDeadlineTasks extends FormTaskListener {

  static final String CLOSE = "CLOSE";
  static final String EXTEND = "EXTEND";
  private static final Map<String, String> FIELD_LABELS = Map.of(
      Form.DECISION.getName(), "决定", Form.NEW_DEADLINE.getName(), "新的截止时间");
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private final AppealService appeals;
  private final DonationSettings settings;

  AppealDeadlineTasks(AppealService appeals, DonationSettings settings) {
    super(FIELD_LABELS, Form.NAMES);
    this.appeals = appeals;
    this.settings = settings;
  }

  @Override
  protected long caseId(String businessKey) {
    return AppealTargetProcess.appealId(businessKey);
  }

  @Override
  protected void created(DelegateTask task, long appealId) {
    AppealView appeal = appeals.get(appealId);
    String unit = appeal.kind() == AppealKind.MONEY ? " 元" : appeal.unit() == null ? "" : " " + appeal.unit();
    Shown.TITLE.on(task).setLocal(appeal.title());
    Shown.TARGET.on(task).setLocal(appeal.target() + unit);
    Shown.PLEDGED.on(task).setLocal(appeal.progress().pledged() + unit + " (" + appeal.progress().pledges() + " 笔)");
    Shown.RECEIVED.on(task).setLocal(appeal.progress().received() + unit);
    Shown.DEADLINE.on(task).setLocal(SHOWN.format(appeal.deadline().atZone(settings.zone())));
  }

  @Override
  protected void completed(DelegateTask task, long appealId, String actor) {
    String decision = FormVariables.read(Form.DECISION, task);
    if (CLOSE.equals(decision)) {
      appeals.closeAtDeadline(appealId, actor);
      AppealDeadlineProcess.DEADLINE_EXTENDED.on(task.getExecution()).set(false);
    } else if (EXTEND.equals(decision)) {
      Instant newDeadline = instant(FormVariables.read(Form.NEW_DEADLINE, task));
      if (newDeadline == null) {
        throw new InvalidInputException(Form.NEW_DEADLINE.getName(), "is required to extend the deadline");
      }
      if (!newDeadline.isAfter(appeals.now())) {
        throw new InvalidInputException(Form.NEW_DEADLINE.getName(), "must be in the future");
      }
      Appeal extended = appeals.extendDeadline(appealId, newDeadline);
      AppealDeadlineProcess.APPEAL_DEADLINE.on(task.getExecution()).set(Date.from(extended.deadline()));
      AppealDeadlineProcess.DEADLINE_EXTENDED.on(task.getExecution()).set(true);
    } else {
      throw new InvalidInputException(Form.DECISION.getName(),
          decision == null ? "is required" : "must be CLOSE or EXTEND");
    }
  }

  /**
   * A moment from the form: text from Tasklist's date-time field (2026-12-05T18:00+08:00), or
   * without an offset in the donations' zone; a date from an API caller.
   */
  private Instant instant(Object value) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    String text = value.toString().strip();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).atZone(settings.zone()).toInstant();
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(Form.NEW_DEADLINE.getName(),
            "must be a date and time such as 2026-12-05T18:00+08:00");
      }
    }
  }
}
