package org.gridaid.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What every file in processes/ must satisfy to open cleanly in Camunda Modeler and deploy:
 * a diagram for every element, meaningful ids, forms that exist, beans that exist.
 */
final class ProcessModelRules {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
  static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  /** Modeler ids: a capitalised type, '_' and seven random base-36 characters with a digit. */
  private static final List<String> EVENTS_IN_FLOW = List.of("event_", "timer_", "message_", "signal_", "error_",
      "escalation_", "conditional_", "link_", "compensation_");
  private static final Pattern GENERATED_ID = Pattern.compile("[A-Z][A-Za-z]*_(?=[0-9a-z]*[0-9])[0-9a-z]{7}|StartEvent_1");
  private static final Pattern BEAN_REFERENCE = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
  // BPMN elements drawn as shapes or edges; everything else in a process is not drawn
  private static final Set<String> DRAWN = Set.of("task", "userTask", "serviceTask", "sendTask", "receiveTask",
      "scriptTask", "businessRuleTask", "manualTask", "callActivity", "subProcess", "transaction",
      "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
      "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway",
      "sequenceFlow", "dataObjectReference", "dataStoreReference", "textAnnotation", "association",
      "participant", "lane", "messageFlow");
  /**
   * The id prefix of each BPMN element type that carries an id (processes/README.md: ids are
   * {@code <type>_<businessName>}). Events in the middle of a flow or on a boundary are named
   * by what they wait for ({@code timer_}, {@code message_}, ...) or plainly {@code event_}.
   */
  static final Map<String, List<String>> ID_PREFIXES = Map.ofEntries(
      Map.entry("definitions", List.of("definitions_")),
      Map.entry("collaboration", List.of("collaboration_")),
      Map.entry("participant", List.of("participant_")),
      Map.entry("laneSet", List.of("laneSet_")),
      Map.entry("lane", List.of("lane_")),
      Map.entry("startEvent", List.of("startEvent_")),
      Map.entry("endEvent", List.of("endEvent_")),
      Map.entry("boundaryEvent", EVENTS_IN_FLOW),
      Map.entry("intermediateCatchEvent", EVENTS_IN_FLOW),
      Map.entry("intermediateThrowEvent", EVENTS_IN_FLOW),
      Map.entry("task", List.of("task_")),
      Map.entry("userTask", List.of("userTask_")),
      Map.entry("serviceTask", List.of("serviceTask_")),
      Map.entry("sendTask", List.of("sendTask_")),
      Map.entry("receiveTask", List.of("receiveTask_")),
      Map.entry("scriptTask", List.of("scriptTask_")),
      Map.entry("businessRuleTask", List.of("businessRuleTask_")),
      Map.entry("manualTask", List.of("manualTask_")),
      Map.entry("callActivity", List.of("callActivity_")),
      Map.entry("subProcess", List.of("subProcess_")),
      Map.entry("transaction", List.of("transaction_")),
      Map.entry("exclusiveGateway", List.of("gateway_")),
      Map.entry("parallelGateway", List.of("gateway_")),
      Map.entry("inclusiveGateway", List.of("gateway_")),
      Map.entry("eventBasedGateway", List.of("gateway_")),
      Map.entry("complexGateway", List.of("gateway_")),
      Map.entry("sequenceFlow", List.of("flow_")),
      Map.entry("messageFlow", List.of("messageFlow_")),
      Map.entry("message", List.of("message_")),
      Map.entry("signal", List.of("signal_")),
      Map.entry("error", List.of("error_")),
      Map.entry("escalation", List.of("escalation_")),
      Map.entry("timerEventDefinition", List.of("timerDefinition_")),
      Map.entry("messageEventDefinition", List.of("messageDefinition_")),
      Map.entry("signalEventDefinition", List.of("signalDefinition_")),
      Map.entry("errorEventDefinition", List.of("errorDefinition_")),
      Map.entry("escalationEventDefinition", List.of("escalationDefinition_")),
      Map.entry("conditionalEventDefinition", List.of("conditionalDefinition_")),
      Map.entry("linkEventDefinition", List.of("linkDefinition_")),
      Map.entry("compensateEventDefinition", List.of("compensateDefinition_")),
      Map.entry("terminateEventDefinition", List.of("terminate_")),
      Map.entry("textAnnotation", List.of("annotation_")),
      Map.entry("association", List.of("association_")),
      Map.entry("dataObject", List.of("dataObject_")),
      Map.entry("dataObjectReference", List.of("dataObject_")),
      Map.entry("dataStoreReference", List.of("dataStore_")));
  /** An event sub-process is a subProcess element with triggeredByEvent="true". */
  private static final String EVENT_SUB_PROCESS_PREFIX = "eventSubProcess_";
  /** A process id is plain lowerCamel: the file help-request.bpmn holds the process helpRequest. */
  private static final Pattern PROCESS_ID = Pattern.compile("[a-z][A-Za-z0-9]*");
  // DMN elements people name; rules, clauses and entries keep the ids the modeler gives them
  private static final Set<String> NAMED_DMN = Set.of("definitions", "decision", "inputData", "knowledgeSource",
      "businessKnowledgeModel");

  private final Set<String> formIds;
  private final Predicate<String> beanExists;

  ProcessModelRules(Set<String> formIds, Predicate<String> beanExists) {
    this.formIds = formIds;
    this.beanExists = beanExists;
  }

  /** The ids declared by the Camunda Forms in a folder (each form's top-level "id"). */
  static Set<String> formIdsIn(Path forms) throws Exception {
    Set<String> ids = new HashSet<>();
    if (!Files.isDirectory(forms)) {
      return ids;
    }
    ObjectMapper json = new ObjectMapper();
    try (var files = Files.list(forms)) {
      for (Path form : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode id = json.readTree(form.toFile()).get("id");
        if (id != null && id.isTextual()) {
          ids.add(id.asText());
        }
      }
    }
    return ids;
  }

  List<String> check(File file) throws Exception {
    List<String> faults = new ArrayList<>();
    Document xml = parse(file);
    if (file.getName().endsWith(".bpmn")) {
      Bpmn.readModelFromFile(file); // fails on anything the engine's parser refuses
      checkBpmn(xml, faults);
    } else if (file.getName().endsWith(".dmn")) {
      Dmn.readModelFromFile(file);
      checkDmn(xml, faults);
    }
    return faults;
  }

  private void checkBpmn(Document xml, List<String> faults) {
    Set<String> drawn = new HashSet<>();
    for (String tag : List.of("BPMNShape", "BPMNEdge")) {
      NodeList shapes = xml.getElementsByTagNameNS(BPMNDI, tag);
      for (int i = 0; i < shapes.getLength(); i++) {
        drawn.add(((Element) shapes.item(i)).getAttribute("bpmnElement"));
      }
    }
    if (xml.getElementsByTagNameNS(BPMNDI, "BPMNDiagram").getLength() == 0) {
      faults.add("has no diagram layout (bpmndi:BPMNDiagram)");
    }
    for (Element element : elements(xml, BPMN)) {
      String id = element.getAttribute("id");
      String type = element.getLocalName();
      if (!id.isEmpty() && GENERATED_ID.matcher(id).matches()) {
        faults.add(type + " '" + id + "' has a modeler-generated id; give it a meaningful one");
      } else if (!id.isEmpty()) {
        checkIdPrefix(element, type, id, faults);
      }
      if (DRAWN.contains(type) && !id.isEmpty() && !drawn.contains(id)) {
        faults.add(type + " '" + id + "' has no diagram layout");
      }
      if (type.equals("process") && "true".equals(element.getAttribute("isExecutable"))
          && element.getAttributeNS(CAMUNDA, "historyTimeToLive").isEmpty()) {
        faults.add("process '" + id + "' has no camunda:historyTimeToLive");
      }
      String formRef = element.getAttributeNS(CAMUNDA, "formRef");
      if (!formRef.isEmpty() && !formIds.contains(formRef)) {
        faults.add(type + " '" + id + "' refers to form '" + formRef + "', which no file in forms/ defines");
      }
      checkBeans(element, id, faults);
    }
    for (Element element : elements(xml, CAMUNDA)) {
      checkBeans(element, element.getLocalName(), faults);
    }
  }

  private static void checkIdPrefix(Element element, String type, String id, List<String> faults) {
    if (type.equals("process")) {
      if (!PROCESS_ID.matcher(id).matches()) {
        faults.add("process '" + id + "' needs a lowerCamel id like the file's name (helpRequest)");
      }
      return;
    }
    List<String> prefixes = type.equals("subProcess") && "true".equals(element.getAttribute("triggeredByEvent"))
        ? List.of(EVENT_SUB_PROCESS_PREFIX)
        : ID_PREFIXES.get(type);
    if (prefixes == null) {
      faults.add(type + " '" + id + "' is of a type without a known id prefix; add it to ProcessModelRules.ID_PREFIXES");
    } else if (prefixes.stream().noneMatch(prefix -> id.startsWith(prefix) && id.length() > prefix.length())) {
      faults.add(type + " '" + id + "' must start with " + String.join(" or ", prefixes) + " and a business name");
    }
  }

  private void checkBeans(Element element, String where, List<String> faults) {
    for (String attribute : List.of("delegateExpression", "expression")) {
      String value = element.getAttributeNS(CAMUNDA, attribute);
      if (value.isEmpty()) {
        value = element.getNamespaceURI().equals(CAMUNDA) ? element.getAttribute(attribute) : "";
      }
      Matcher bean = BEAN_REFERENCE.matcher(value);
      if (bean.find() && !isEngineVariable(bean.group(1)) && !beanExists.test(bean.group(1))) {
        faults.add(where + " uses bean '" + bean.group(1) + "' in " + attribute + ", and no such bean exists");
      }
    }
  }

  private static boolean isEngineVariable(String name) {
    return Set.of("execution", "task", "authenticatedUserId", "dateTime", "currentUser", "currentUserGroups",
        "variables", "true", "false", "null").contains(name);
  }

  private void checkDmn(Document xml, List<String> faults) {
    if (xml.getElementsByTagNameNS("https://www.omg.org/spec/DMN/20191111/DMNDI/", "DMNDiagram").getLength() == 0) {
      faults.add("has no diagram layout (dmndi:DMNDiagram)");
    }
    for (Element element : elements(xml, DMN)) {
      String id = element.getAttribute("id");
      if (NAMED_DMN.contains(element.getLocalName()) && GENERATED_ID.matcher(id).matches()) {
        faults.add(element.getLocalName() + " '" + id + "' has a modeler-generated id; give it a meaningful one");
      }
    }
  }

  private static List<Element> elements(Document xml, String namespace) {
    NodeList all = xml.getElementsByTagNameNS(namespace, "*");
    List<Element> result = new ArrayList<>(all.getLength());
    for (int i = 0; i < all.getLength(); i++) {
      result.add((Element) all.item(i));
    }
    return result;
  }

  private static Document parse(File file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file);
  }
}
