package org.gridaid.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
  private static final Pattern GENERATED_ID = Pattern.compile("[A-Z][A-Za-z]*_(?=[0-9a-z]*[0-9])[0-9a-z]{7}|StartEvent_1");
  private static final Pattern BEAN_REFERENCE = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
  // BPMN elements drawn as shapes or edges; everything else in a process is not drawn
  private static final Set<String> DRAWN = Set.of("task", "userTask", "serviceTask", "sendTask", "receiveTask",
      "scriptTask", "businessRuleTask", "manualTask", "callActivity", "subProcess", "transaction",
      "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent",
      "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway",
      "sequenceFlow", "dataObjectReference", "dataStoreReference", "textAnnotation", "association",
      "participant", "lane", "messageFlow");
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
