package org.gridaid.carepacks;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.gridaid.register.RecipientGroup;
import org.springframework.stereotype.Component;

/**
 * What a household gets in a pack: the DMN table {@code care-pack-contents} (hit policy COLLECT),
 * asked once per kind of household (pack type, group, vulnerable, size), not once per household:
 * a campaign of 100,000 households asks it a few dozen times.
 */
@Component
class CarePackContents {

  private final DecisionService decisions;

  CarePackContents(DecisionService decisions) {
    this.decisions = decisions;
  }

  /** Item code to quantity, in the table's order; two rows naming one item add up. */
  Map<String, Integer> of(PackType packType, RecipientGroup group, boolean vulnerable, int size) {
    Map<String, Integer> items = new LinkedHashMap<>();
    var result = decisions.evaluateDecisionTableByKey(CarePackProcess.DECISION_CONTENTS)
        .variables(Variables.createVariables().putValue("packType", packType.name())
            .putValue("recipientGroup", group.name()).putValue("vulnerable", vulnerable))
        .evaluate();
    for (Map<String, Object> row : result.getResultList()) {
      String item = (String) row.get("itemCode");
      int quantity = ((Number) row.get("quantity")).intValue();
      if (Boolean.TRUE.equals(row.get("perMember"))) {
        Number cap = (Number) row.get("cap");
        quantity = Math.min(quantity * Math.max(size, 1), cap == null ? Integer.MAX_VALUE : cap.intValue());
      }
      if (item != null && quantity > 0) {
        items.merge(item, quantity, Integer::sum);
      }
    }
    return items;
  }
}
