package org.gridaid.shared.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;

/**
 * The process variables a Camunda Form lets a person fill in: the keys of its input fields and
 * the paths of its lists and groups, minus what it shows read-only or disabled (a case summary
 * is shown, never taken back). A submission may set these and nothing else.
 */
final class FormFields {

  private final FormService forms;
  private final ObjectMapper json;

  FormFields(FormService forms, ObjectMapper json) {
    this.forms = forms;
    this.json = json;
  }

  /** What the form of a task takes; empty for a task without a deployed Camunda Form. */
  Set<String> ofTask(String taskId) {
    return fieldsOf(() -> forms.getDeployedTaskForm(taskId));
  }

  /** What the start form of a process definition takes; empty when it has none. */
  Set<String> ofStart(String processDefinitionId) {
    return fieldsOf(() -> forms.getDeployedStartForm(processDefinitionId));
  }

  private Set<String> fieldsOf(Supplier<InputStream> form) {
    JsonNode schema;
    try (InputStream in = form.get()) {
      schema = json.readTree(in);
    } catch (BadUserRequestException noForm) {
      return Set.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> fields = new LinkedHashSet<>();
    collect(schema.path("components"), fields);
    return fields;
  }

  private static void collect(JsonNode components, Set<String> fields) {
    for (JsonNode component : components) {
      if (shownOnly(component)) {
        continue;
      }
      String path = component.path("path").asText("");
      String key = component.path("key").asText("");
      if (!path.isEmpty()) {
        // a list or group bound to a path is submitted as one variable holding its children
        fields.add(firstSegment(path));
      } else if (!key.isEmpty()) {
        fields.add(firstSegment(key));
      } else {
        collect(component.path("components"), fields);
      }
    }
  }

  private static boolean shownOnly(JsonNode component) {
    return component.path("disabled").asBoolean(false) || isSet(component.path("readonly"));
  }

  /** {@code readonly} is true, or an expression that may make it so: treated as read-only. */
  private static boolean isSet(JsonNode flag) {
    return flag.isBoolean() ? flag.asBoolean() : flag.isTextual() && !flag.asText().isBlank();
  }

  private static String firstSegment(String dotted) {
    int dot = dotted.indexOf('.');
    return dot < 0 ? dotted : dotted.substring(0, dot);
  }
}
