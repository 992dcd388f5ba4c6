package org.gridaid.helprequest;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.customVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.intVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gridaid.shared.engine.CancellationMessage;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The help-request process (help-request.bpmn): its key, the element ids code refers to, and
 * one typed declaration per variable. The business key is the case id; variables hold only
 * what routing and the task forms need.
 */
public final class HelpRequestProcess {

  public static final String KEY = "helpRequest";
  public static final String MESSAGE_CANCELLED = "helpRequestCancelled";
  public static final String MESSAGE_RESUMED = "helpRequestResumed";
  /** The medicine delivery a grid worker asked for is over: the call-back comes next. */
  public static final String MESSAGE_MEDICINE_DELIVERED = "helpRequestMedicineDelivered";

  /** 登记诉求: stores the call and commits before triage and routing run (asyncAfter). */
  public static final String STEP_REGISTER = "serviceTask_registerRequest";
  public static final String TASK_PICK_GRID = "userTask_pickGrid";
  public static final String TASK_MEDICAL_RESPONSE = "userTask_medicalResponse";
  public static final String TASK_HANDLE_REQUEST = "userTask_handleRequest";
  public static final String TASK_GRID_LEADER_FOLLOW_UP = "userTask_gridLeaderFollowUp";
  public static final String TASK_COMMUNITY_FOLLOW_UP = "userTask_communityFollowUp";
  public static final String TASK_STREET_FOLLOW_UP = "userTask_streetFollowUp";
  public static final String TASK_DISTRICT_FOLLOW_UP = "userTask_districtFollowUp";
  public static final String TASK_CALLBACK = "userTask_callback";
  public static final String TASK_MEDICAL_FOLLOW_UP = "userTask_medicalFollowUp";
  /** 网格长审批暂缓: a second hold of the same case waits for the grid leader. */
  public static final String TASK_APPROVE_HOLD = "userTask_approveHold";
  /** The supervisors' tasks above the grid: they outlast a hold or a reroute, and are told of a hold. */
  static final List<String> SUPERVISOR_TASKS = List.of(TASK_COMMUNITY_FOLLOW_UP, TASK_STREET_FOLLOW_UP,
      TASK_DISTRICT_FOLLOW_UP);

  public static final String TIMER_RESPONSE_DEADLINE = "timer_responseDeadline";
  public static final String TIMER_RESOLUTION_DEADLINE = "timer_resolutionDeadline";
  public static final String TIMER_COMMUNITY_DEADLINE = "timer_communityDeadline";
  public static final String TIMER_STREET_DEADLINE = "timer_streetDeadline";
  public static final String TIMER_MEDICAL_RESPONSE_DEADLINE = "event_medicalResponseDeadline";
  public static final String TIMER_CALLBACK_RETRY = "timer_callbackRetry";
  public static final String TIMER_RESUME_AT = "timer_resumeAt";

  /**
   * What the Tasklist start form asks. The caller's details are removed as soon as the case has
   * them. (The REST intake hands its checked request to the first step in-process instead.)
   */
  static final class StartForm {
    static final VariableFactory<String> CALLER_NAME = stringVariable("callerName");
    static final VariableFactory<String> CALLER_PHONE = stringVariable("callerPhone");
    static final VariableFactory<String> ADDRESS = stringVariable("address");
    static final VariableFactory<String> MINIMAL_UNIT_CODE = stringVariable("minimalUnitCode");
    static final VariableFactory<String> CATEGORY = stringVariable("category");
    static final VariableFactory<String> DESCRIPTION = stringVariable("description");
    static final VariableFactory<String> AFFECTED_PERSON = stringVariable("affectedPerson");
    /** A list from the REST intake, a JSON array from the Tasklist checklist: read as it comes. */
    static final VariableFactory<Object> VULNERABILITIES = customVariable("vulnerabilities", Object.class);
    static final VariableFactory<String> CHANNEL = stringVariable("channel");
    /** Who started it in Tasklist (camunda:initiator). */
    static final VariableFactory<String> INITIATOR = stringVariable("initiatorId");


    /** Every start variable that carries the caller's details. */
    static final Set<String> PERSONAL = Set.of(CALLER_NAME.getName(), CALLER_PHONE.getName(), ADDRESS.getName(),
        DESCRIPTION.getName(), AFFECTED_PERSON.getName(), VULNERABILITIES.getName());
    /** What the start form alone sends: removed once the case is registered. */
    static final List<String> START_ONLY = Stream.concat(PERSONAL.stream(),
        Stream.of(MINIMAL_UNIT_CODE.getName(), CHANNEL.getName())).toList();
    /** The start form's labels, as a refusal names its fields in Tasklist. */
    static final Map<String, String> LABELS = Map.of(CALLER_NAME.getName(), "来电人姓名",
        CALLER_PHONE.getName(), "联系电话", ADDRESS.getName(), "地址", MINIMAL_UNIT_CODE.getName(), "最小单元编码",
        GRID_CODE.getName(), "网格编码", CATEGORY.getName(), "诉求类别", DESCRIPTION.getName(), "诉求内容",
        AFFECTED_PERSON.getName(), "涉及人员", VULNERABILITIES.getName(), "特殊人群", CHANNEL.getName(), "来源渠道");

    private StartForm() {}
  }

  /** The grid that handles the case (also a start variable: a caller may name it). */
  static final VariableFactory<String> GRID_CODE = stringVariable("gridCode");
  static final VariableFactory<String> COMMUNITY_CODE = stringVariable("communityCode");
  static final VariableFactory<String> STREET_CODE = stringVariable("streetCode");
  static final VariableFactory<String> CATEGORY = stringVariable("category");
  static final VariableFactory<Integer> TASK_PRIORITY = intVariable("taskPriority");
  static final VariableFactory<Boolean> MEDICAL_ALERT = booleanVariable("medicalAlert");
  static final VariableFactory<Date> RESPONSE_DUE = dateVariable("responseDue");
  static final VariableFactory<Date> RESOLUTION_DUE = dateVariable("resolutionDue");
  /** How long each escalation level has (ISO-8601), from the triage table. */
  static final VariableFactory<String> ESCALATE_EVERY = stringVariable("escalateEvery");
  /**
   * The level the case had reached when handling (re)started (NONE, GRID_LEADER, COMMUNITY,
   * STREET, DISTRICT): after a hold the chain goes on from there, not from the first level.
   */
  static final VariableFactory<String> ESCALATION_REACHED = stringVariable("escalationReached");
  /** When the community or street office reached has had its time: the timer before the next level. */
  static final VariableFactory<Date> NEXT_LEVEL_DUE = dateVariable("nextLevelDue");
  /** The grid worker asked for a second hold: the grid leader decides (set by the application). */
  static final VariableFactory<Boolean> HOLD_NEEDS_APPROVAL = booleanVariable("holdNeedsApproval");
  /** The grid leader's decision, as the case recorded it: what the gateway after the approval reads. */
  static final VariableFactory<Boolean> HOLD_APPROVED = booleanVariable("holdApproved");
  /** Flags the gateway and the triage table read after 登记诉求 has committed (so kept on the process). */
  static final VariableFactory<Boolean> LINKED_TO_OPEN_CASE = booleanVariable("linkedToOpenCase");
  static final VariableFactory<Boolean> PERSON_ALONE = booleanVariable("personAlone");
  static final VariableFactory<Boolean> VULNERABLE = booleanVariable("vulnerable");
  /** The triage table's single result (priority, deadlines, escalateEvery, alertMedicalTeam). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static final VariableFactory<Map<String, Object>> TRIAGE = customVariable("triage", (Class) Map.class);
  /** Whether a grid worker took the case before the response deadline. */
  static final VariableFactory<Boolean> RESPONDED = booleanVariable("responded");
  /** The grid worker's last outcome, in its one spelling: what the gateway after handling reads. */
  static final VariableFactory<String> HANDLING_OUTCOME = stringVariable("handlingOutcome");
  /** The grid a worker sent the case on to, checked: what the reroute step reads. */
  static final VariableFactory<String> REROUTE_TO = stringVariable("rerouteTo");
  /** The grid worker who recorded the last outcome. */
  static final VariableFactory<String> HANDLED_BY = stringVariable("handledBy");
  static final VariableFactory<Date> CALLBACK_DUE = dateVariable("callbackDue");
  /** When a resident not reached is called again (the timer before the next 回访居民). */
  static final VariableFactory<Date> CALLBACK_RETRY_AT = dateVariable("callbackRetryAt");
  static final VariableFactory<String> CALLBACK_RESULT = stringVariable("callbackResult");
  /** Until when a case on hold waits for the resident (the timer of 等待居民). */
  static final VariableFactory<Date> HOLD_UNTIL = dateVariable("holdUntil");
  /** Why and by whom a case is withdrawn: transient, handed to 记录撤销 with the message only. */
  static final VariableFactory<String> CANCEL_REASON = stringVariable(CancellationMessage.REASON);
  static final VariableFactory<String> CANCELLED_BY = stringVariable(CancellationMessage.ACTOR);
  /** Read-only text the task forms show: the case, and all its deadlines. */
  static final VariableFactory<String> CASE_SUMMARY = stringVariable("caseSummary");
  static final VariableFactory<String> DEADLINES = stringVariable("deadlines");
  /** What the grid leader is asked to approve: the hold asked for, and the holds before. */
  static final VariableFactory<String> HOLD_REQUEST = stringVariable("holdRequest");

  /** What the task forms submit: the contract for Tasklist and /engine-rest callers. */
  static final class Forms {
    static final VariableFactory<String> OUTCOME = stringVariable("outcome");
    static final VariableFactory<String> ACTION_TAKEN = stringVariable("actionTaken");
    static final VariableFactory<String> TRANSFERRED_TO = stringVariable("transferredTo");
    static final VariableFactory<String> HOLD_REASON = stringVariable("holdReason");
    /** A date from the Tasklist datetime field, or text (2026-11-23T15:00+08:00) from a caller. */
    static final VariableFactory<Object> RESUME_AT = customVariable("resumeAt", Object.class);
    static final VariableFactory<String> NEW_GRID_CODE = stringVariable("newGridCode");
    static final VariableFactory<String> PICKED_GRID_CODE = stringVariable("pickedGridCode");
    static final VariableFactory<String> SUPERVISION_NOTE = stringVariable("supervisionNote");
    static final VariableFactory<String> MEDICAL_NOTE = stringVariable("medicalNote");
    static final VariableFactory<Boolean> CALLBACK_REACHED = booleanVariable("callbackReached");
    /** A yes/no choice: "true"/"false" from the Tasklist radio, a boolean from an API caller. */
    static final VariableFactory<Object> RESIDENT_SATISFIED = customVariable("residentSatisfied", Object.class);
    static final VariableFactory<String> CALLBACK_NOTE = stringVariable("callbackNote");
    /** The grid leader's yes/no on a second hold, like {@link #RESIDENT_SATISFIED}. */
    static final VariableFactory<Object> APPROVE_HOLD = customVariable("approveHold", Object.class);
    static final VariableFactory<String> APPROVAL_NOTE = stringVariable("approvalNote");

    /** Every field a task form submits; none of them outlives its task (see {@link HelpRequestTaskListener}). */
    static final List<String> NAMES = Stream.of(OUTCOME, ACTION_TAKEN, TRANSFERRED_TO, HOLD_REASON, RESUME_AT,
        NEW_GRID_CODE, PICKED_GRID_CODE, SUPERVISION_NOTE, MEDICAL_NOTE, CALLBACK_REACHED, RESIDENT_SATISFIED,
        CALLBACK_NOTE, APPROVE_HOLD, APPROVAL_NOTE).map(VariableFactory::getName).toList();

    private Forms() {}
  }

  static long caseId(DelegateExecution execution) {
    return Long.parseLong(execution.getProcessBusinessKey());
  }

  /** Writes where the case goes and by when onto the process: what its tasks and timers read. */
  static void setRouting(VariableScope process, HelpRequestService.Routing routing) {
    GRID_CODE.on(process).set(routing.gridCode());
    COMMUNITY_CODE.on(process).set(routing.communityCode());
    STREET_CODE.on(process).set(routing.streetCode());
    TASK_PRIORITY.on(process).set(Triage.taskPriority(routing.priority()));
    MEDICAL_ALERT.on(process).set(routing.medicalAlert());
    RESPONSE_DUE.on(process).set(Date.from(routing.responseDue()));
    RESOLUTION_DUE.on(process).set(Date.from(routing.resolutionDue()));
    ESCALATE_EVERY.on(process).set(routing.escalateEvery());
    ESCALATION_REACHED.on(process).set(routing.escalationReached() == null ? "NONE"
        : routing.escalationReached().name());
    if (routing.nextLevelDue() != null) {
      NEXT_LEVEL_DUE.on(process).set(Date.from(routing.nextLevelDue()));
    }
  }

  /**
   * The case and its deadlines as a task's form shows them, set when the task is created: on the
   * task itself, so that tasks open side by side (the medical team's, the grid's) each keep theirs.
   */
  static void setSummary(DelegateTask task, HelpRequest request, Instant now) {
    CASE_SUMMARY.on(task).setLocal(CaseSummary.of(request));
    DEADLINES.on(task).setLocal(Deadlines.of(request).describe(now));
  }

  private HelpRequestProcess() {}
}
