package org.gridaid.shared.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.util.JsonUtil;
import org.camunda.bpm.engine.rest.hal.EmptyHalCollection;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.hal.HalResource;
import org.camunda.bpm.engine.rest.hal.task.HalTaskList;
import org.gridaid.shared.web.ReplayableRequest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tasklist's list and count of an area group's queue, answered by {@link GroupQueueQuery}: at
 * 100,000 open tasks Camunda's own query for a filter costs 100 ms and more of CPU a call (its
 * authorization check compares every task of the grid with every authorization of the grid's
 * group, and its query object is built, evaluated and mapped twice), and every open Tasklist asks
 * every 10 s. The answer is the engine's: the same tasks, in the same order, rendered by
 * Camunda's own HAL classes with the caller's authorizations.
 *
 * <p>Only what {@link GroupQueueQuery} can answer exactly is answered here: a filter whose query
 * is "candidate group G, assigned tasks included" and nothing else (the filter every area group
 * has), extended by nothing but Tasklist's sorting on task columns and "active", for a caller
 * who is not an administrator and belongs to no tenant, while no authorization revokes anything.
 * Everything else (a search typed into Tasklist, a filter somebody edited, sorting by a variable)
 * goes on to Camunda.
 */
public final class GroupQueueReads extends OncePerRequestFilter {

  private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,9}");
  /** Filter queries remembered at most; past that the memory starts again (staff may add filters). */
  private static final int QUERIES_REMEMBERED = 10_000;

  private final ProcessEngine engine;
  private final GroupQueueQuery queries;
  private final ObjectMapper json;
  private final String webappPath;
  /** The candidate group of each filter query seen, empty when the query is anything more. */
  private final Map<String, Optional<String>> groupOfQuery = new ConcurrentHashMap<>();

  private final Counter answeredHere;
  private final Counter leftToCamunda;

  public GroupQueueReads(ProcessEngine engine, GroupQueueQuery queries, ObjectMapper json, String webappPath,
      MeterRegistry meters) {
    this.engine = engine;
    this.queries = queries;
    this.json = json;
    this.webappPath = webappPath;
    this.answeredHere = reads(meters, "gridaid");
    this.leftToCamunda = reads(meters, "camunda");
  }

  /** Whether Tasklist's reads of queues take the short way: the same counter for both chains' filters. */
  private static Counter reads(MeterRegistry meters, String answeredBy) {
    return Counter.builder("gridaid.tasklist.queue.reads").tag("answered_by", answeredBy)
        .description("Lists and counts of Tasklist filters, by who answered them").register(meters);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<EngineApiCall> call = EngineApiCall.of(request, webappPath)
        .filter(c -> c.engineName().equals(engine.getName()))
        .filter(c -> c.is("GET", "filter/*/count") || c.is("POST", "filter/*/count")
            || (c.is("GET", "filter/*/list") || c.is("POST", "filter/*/list")) && wantsHal(request));
    if (call.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    Optional<EngineApiCaller> caller = EngineApiCaller.of(engine, request, call.get())
        .filter(c -> !c.admin() && c.tenants().isEmpty());
    if (caller.isEmpty()) {
      leftToCamunda.increment();
      chain.doFilter(request, response);
      return;
    }
    HttpServletRequest forward = request;
    JsonNode body = null;
    if (call.get().method().equals("POST")) {
      ReplayableRequest replayable = request instanceof ReplayableRequest already ? already
          : ReplayableRequest.readWholeBody(request);
      forward = replayable;
      body = replayable.json(json);
      if (body == null && replayable.getContentLength() > 0) {
        // not JSON: Camunda's 400
        leftToCamunda.increment();
        chain.doFilter(forward, response);
        return;
      }
    }
    Optional<GroupQueueQuery.Page> page = page(body, request);
    Optional<GroupQueueQuery.Queue> queue = page.flatMap(p -> queue(call.get().segment(1), caller.get()));
    if (queue.isEmpty()) {
      leftToCamunda.increment();
      chain.doFilter(forward, response);
      return;
    }
    answeredHere.increment();
    if (call.get().segment(2).equals("count")) {
      write(response, "application/json", Map.of("count", queries.count(queue.get(), page.get())));
    } else {
      write(response, Hal.APPLICATION_HAL_JSON, list(queue.get(), page.get(), caller.get()));
    }
  }

  /** Tasklist asks for HAL first; a caller who prefers JSON gets Camunda's answer. */
  private static boolean wantsHal(HttpServletRequest request) {
    String accept = request.getHeader("Accept");
    return accept != null && accept.trim().startsWith(Hal.APPLICATION_HAL_JSON);
  }

  /** The page and order asked for, when it is Tasklist's plain one. */
  private static Optional<GroupQueueQuery.Page> page(JsonNode body, HttpServletRequest request) {
    List<GroupQueueQuery.Order> order = new ArrayList<>();
    boolean activeOnly = false;
    if (body != null && !body.isMissingNode() && !body.isNull()) {
      if (!body.isObject()) {
        return Optional.empty();
      }
      for (var names = body.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        JsonNode value = body.get(name);
        // the keys of Tasklist's own body; any other is a search, for Camunda
        boolean plain = switch (name) {
          case "processVariables", "taskVariables", "caseInstanceVariables" -> value.isArray() && value.isEmpty();
          case "active" -> value.isBoolean();
          case "firstResult", "maxResults" -> true; // the URL's parameters decide, as for Camunda
          case "sorting" -> value.isArray();
          default -> false;
        };
        if (!plain) {
          return Optional.empty();
        }
      }
      activeOnly = body.path("active").asBoolean(false);
      for (JsonNode sorting : body.path("sorting")) {
        Optional<GroupQueueQuery.Order> known = GroupQueueQuery.Order.of(sorting.path("sortBy").asText(""),
            sorting.path("sortOrder").asText(""));
        if (known.isEmpty() || sorting.size() != 2) {
          return Optional.empty();
        }
        order.add(known.get());
      }
    }
    String first = request.getParameter("firstResult");
    String max = request.getParameter("maxResults");
    if (!wholeNumberOrAbsent(first) || !wholeNumberOrAbsent(max)) {
      return Optional.empty();
    }
    // as Camunda: no page asked for is every task
    return Optional.of(new GroupQueueQuery.Page(order, activeOnly, first == null ? 0 : Integer.parseInt(first),
        max == null ? Integer.MAX_VALUE : Integer.parseInt(max)));
  }

  private static boolean wholeNumberOrAbsent(String parameter) {
    return parameter == null || WHOLE_NUMBER.matcher(parameter).matches();
  }

  /** The group's queue behind the filter, when the caller may read the filter and nothing is revoked. */
  private Optional<GroupQueueQuery.Queue> queue(String filterId, EngineApiCaller caller) {
    if (groupOfQuery.size() > QUERIES_REMEMBERED) {
      groupOfQuery.clear();
    }
    return queries.filter(filterId, caller).flatMap(filter -> groupOfQuery
        .computeIfAbsent(filter.query(), this::candidateGroupOnly)
        .map(group -> new GroupQueueQuery.Queue(group, caller)));
  }

  /** The candidate group of a stored task query that is exactly an area group's filter. */
  private Optional<String> candidateGroupOnly(String storedQuery) {
    JsonTaskQueryConverter converter = new JsonTaskQueryConverter();
    TaskQueryImpl stored;
    try {
      stored = (TaskQueryImpl) converter.toObject(JsonUtil.asObject(storedQuery));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
    String group = stored.getCandidateGroup();
    if (group == null) {
      return Optional.empty();
    }
    TaskQueryImpl expected = (TaskQueryImpl) engine.getTaskService().createTaskQuery().taskCandidateGroup(group)
        .includeAssignedTasks();
    return converter.toJson(expected).equals(converter.toJson(stored)) ? Optional.of(group) : Optional.empty();
  }

  /** The page rendered as Camunda renders it, its embedded definitions and users read as the caller. */
  private HalResource<?> list(GroupQueueQuery.Queue queue, GroupQueueQuery.Page page, EngineApiCaller caller) {
    GroupQueueQuery.Result result = queries.list(queue, page);
    if (result.tasks().isEmpty()) {
      return new EmptyHalCollection(result.count());
    }
    var identity = engine.getIdentityService();
    var before = identity.getCurrentAuthentication();
    identity.setAuthentication(caller.userId(), caller.groups(), caller.tenants());
    try {
      return HalTaskList.generate(result.tasks(), result.count(), engine);
    } finally {
      if (before != null) {
        identity.setAuthentication(before);
      } else {
        identity.clearAuthentication();
      }
    }
  }

  private void write(HttpServletResponse response, String contentType, Object answer) throws IOException {
    byte[] bytes = EngineApiObjectMapper.shared().writeValueAsBytes(answer);
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(contentType);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
