package org.gridaid.donations;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.customVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.longVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

/**
 * An appeal's deadline (appeal-deadline.bpmn): its key, the element ids code refers to, its
 * variables. One instance per appeal, started when it opens, with the appeal's business key
 * ({@link AppealTargetProcess#businessKey}: both processes are the appeal's, so Cockpit finds them
 * together under one key).
 */
public final class AppealDeadlineProcess {

  public static final String KEY = "appealDeadline";
  public static final String TIMER_DEADLINE = "timer_deadline";
  public static final String TASK_DECIDE = "userTask_decideAtDeadline";
  /** The appeal was closed before its deadline (over REST, or by the decision at its target). */
  static final String MESSAGE_CLOSED = "appealClosed";

  static final VariableFactory<Long> APPEAL_ID = longVariable("appealId");
  /** When the timer fires: the appeal's deadline, moved when the deadline is extended. */
  static final VariableFactory<Date> APPEAL_DEADLINE = dateVariable("appealDeadline");
  /** Who decides at the deadline: the donation desk, and for a street office's appeal that office. */
  static final VariableFactory<String> APPEAL_GROUPS = stringVariable("appealGroups");
  /** What the gateway after the decision routes by, written by the listener. */
  static final VariableFactory<Boolean> DEADLINE_EXTENDED = booleanVariable("deadlineExtended");

  /** What decideAtDeadline shows, task-local, read from the appeal when the task is created. */
  static final class Shown {
    static final VariableFactory<String> TITLE = stringVariable("appealTitle");
    static final VariableFactory<String> TARGET = stringVariable("appealTarget");
    static final VariableFactory<String> PLEDGED = stringVariable("appealPledged");
    static final VariableFactory<String> RECEIVED = stringVariable("appealReceived");
    static final VariableFactory<String> DEADLINE = stringVariable("appealDeadlineShown");

    private Shown() {}
  }

  /** What decideAtDeadline submits (decide-at-deadline.form). Removed once the appeal has it. */
  static final class Form {
    /** CLOSE or EXTEND. */
    static final VariableFactory<String> DECISION = stringVariable("deadlineDecision");
    /** The new deadline when extending: text from Tasklist's date-time field, a date from an API caller. */
    static final VariableFactory<Object> NEW_DEADLINE = customVariable("newDeadline", Object.class);

    static final List<String> NAMES = Stream.of(DECISION, NEW_DEADLINE).map(VariableFactory::getName).toList();

    private Form() {}
  }

  private AppealDeadlineProcess() {}
}
