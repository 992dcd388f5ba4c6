package org.gridaid.helprequest;

/** The help-request process: its key, the element ids code refers to, and its variables. */
public final class HelpRequestProcess {

  public static final String KEY = "helpRequest";
  public static final String MESSAGE_CANCELLED = "helpRequestCancelled";
  public static final String MESSAGE_RESUMED = "helpRequestResumed";

  public static final String TASK_PICK_GRID = "userTask_pickGrid";
  public static final String TASK_MEDICAL_RESPONSE = "userTask_medicalResponse";
  public static final String TASK_HANDLE_REQUEST = "userTask_handleRequest";
  public static final String TASK_GRID_LEADER_FOLLOW_UP = "userTask_gridLeaderFollowUp";
  public static final String TASK_COMMUNITY_FOLLOW_UP = "userTask_communityFollowUp";
  public static final String TASK_STREET_FOLLOW_UP = "userTask_streetFollowUp";
  public static final String TASK_DISTRICT_FOLLOW_UP = "userTask_districtFollowUp";
  public static final String TASK_CALLBACK = "userTask_callback";

  public static final String TIMER_RESPONSE_DEADLINE = "timer_responseDeadline";
  public static final String TIMER_RESOLUTION_DEADLINE = "timer_resolutionDeadline";
  public static final String TIMER_COMMUNITY_DEADLINE = "event_communityDeadline";
  public static final String TIMER_STREET_DEADLINE = "event_streetDeadline";
  public static final String TIMER_RESUME_AT = "timer_resumeAt";

  /** Variables: what the start form and outside callers send. */
  public static final class StartVariables {
    public static final String CALLER_NAME = "callerName";
    public static final String CALLER_PHONE = "callerPhone";
    public static final String ADDRESS = "address";
    public static final String MINIMAL_UNIT_CODE = "minimalUnitCode";
    public static final String GRID_CODE = "gridCode";
    public static final String CATEGORY = "category";
    public static final String DESCRIPTION = "description";
    public static final String AFFECTED_PERSON = "affectedPerson";
    public static final String VULNERABILITIES = "vulnerabilities";
    public static final String CHANNEL = "channel";
    public static final String INITIATOR = "initiatorId";

    private StartVariables() {}
  }

  /** Variables the process routes and times by ({@code gridCode} too, see {@link StartVariables}). */
  public static final String LINKED_TO_OPEN_CASE = "linkedToOpenCase";
  public static final String PERSON_ALONE = "personAlone";
  public static final String VULNERABLE = "vulnerable";
  public static final String TRIAGE = "triage";
  public static final String COMMUNITY_CODE = "communityCode";
  public static final String STREET_CODE = "streetCode";
  public static final String TASK_PRIORITY = "taskPriority";
  public static final String MEDICAL_ALERT = "medicalAlert";
  public static final String RESPONSE_DUE = "responseDue";
  public static final String RESOLUTION_DUE = "resolutionDue";
  public static final String ESCALATE_EVERY = "escalateEvery";
  public static final String RESPONDED = "responded";
  /** The grid worker who recorded the last outcome. */
  public static final String HANDLED_BY = "handledBy";
  public static final String CALLBACK_DUE = "callbackDue";
  public static final String CALLBACK_RESULT = "callbackResult";
  /** Also submitted by the handling form with outcome ON_HOLD. */
  public static final String RESUME_AT = "resumeAt";
  /** Read-only text the task forms show: the case and all its deadlines. */
  public static final String CASE_SUMMARY = "caseSummary";
  public static final String DEADLINES = "deadlines";

  /** Variables the task forms submit (the contract for Tasklist and /engine-rest callers). */
  public static final class Forms {
    public static final String OUTCOME = "outcome";
    public static final String ACTION_TAKEN = "actionTaken";
    public static final String TRANSFERRED_TO = "transferredTo";
    public static final String HOLD_REASON = "holdReason";
    public static final String NEW_GRID_CODE = "newGridCode";
    public static final String PICKED_GRID_CODE = "pickedGridCode";
    public static final String SUPERVISION_NOTE = "supervisionNote";
    public static final String MEDICAL_NOTE = "medicalNote";
    public static final String CALLBACK_REACHED = "callbackReached";
    public static final String RESIDENT_SATISFIED = "residentSatisfied";
    public static final String CALLBACK_NOTE = "callbackNote";

    private Forms() {}
  }

  private HelpRequestProcess() {}
}
