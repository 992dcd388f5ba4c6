package org.gridaid.helprequest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.gridaid.test.GridAidTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The triage table row by row, as deployed from processes/help-request-triage.dmn. */
@GridAidTest
class HelpRequestTriageTests {

  @Autowired
  DecisionService decisions;

  @ParameterizedTest(name = "{0}, alone={1}, vulnerable={2} -> {3} {4}/{5}")
  @CsvSource({
      "MEDICAL_EMERGENCY, false, false, P1, PT15M, PT2H, PT30M, true",
      "MEDICINE,          false, false, P2, PT2H,  PT12H, PT2H, false",
      "PERSON_ALONE,      false, false, P2, PT2H,  PT12H, PT2H, false",
      "COMPLAINT,         true,  true,  P2, PT2H,  PT12H, PT2H, false",
      "LIVING_SUPPLIES,   false, true,  P2, PT2H,  PT24H, PT2H, false",
      "DOOR_SAMPLING,     false, true,  P2, PT2H,  PT24H, PT2H, false",
      "LIVING_SUPPLIES,   false, false, P3, PT24H, PT48H, PT12H, false",
      "PSYCHOLOGICAL,     false, false, P3, PT24H, PT48H, PT12H, false",
      "OTHER,             false, true,  P3, PT24H, PT48H, PT12H, false",
      "OTHER,             false, false, P4, PT72H, P7D,   PT24H, false",
      "QUESTION,          false, true,  P4, PT72H, P7D,   PT24H, false",
      "COMPLAINT,         false, false, P4, PT72H, P7D,   PT24H, false"})
  void eachRow(String category, boolean alone, boolean vulnerable, String priority, String responseWithin,
      String resolveWithin, String escalateEvery, boolean alertMedicalTeam) {
    Map<String, Object> result = decisions.evaluateDecisionTableByKey("helpRequestTriage",
        Map.of("category", category, "personAlone", alone, "vulnerable", vulnerable)).getSingleResult().getEntryMap();

    assertThat(result).containsEntry("priority", priority).containsEntry("responseWithin", responseWithin)
        .containsEntry("resolveWithin", resolveWithin).containsEntry("escalateEvery", escalateEvery)
        .containsEntry("alertMedicalTeam", alertMedicalTeam);
  }
}
