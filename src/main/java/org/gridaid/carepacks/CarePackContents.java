package org.gridaid.carepacks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.gridaid.register.RecipientGroup;
import org.springframework.stereotype.Component;

/**
 * What a household gets in a pack: the DMN table {@code care-pack-contents} (hit policy COLLECT).
 * The table's inputs are the pack type, the recipient group and whether somebody is vulnerable;
 * a row may scale its quantity by the household's size up to a cap. So a campaign asks the table
 * once per pack type, group and vulnerable (a dozen times for 100,000 households), from the
 * version deployed when it is planned, and scales each row for each size.
 */
@Component
class CarePackContents {

  private final DecisionService decisions;
  private final RepositoryService repository;

  CarePackContents(DecisionService decisions, RepositoryService repository) {
    this.decisions = decisions;
    this.repository = repository;
  }

  /** One matching row of the table. */
  record Row(String itemCode, int quantity, boolean perMember, Integer cap) {

    int quantityFor(int size) {
      if (!perMember) {
        return quantity;
      }
      return Math.min(quantity * Math.max(size, 1), cap == null ? Integer.MAX_VALUE : cap);
    }
  }

  /** The table as deployed now, asked at most once per pack type, group and vulnerable. */
  Table table() {
    String id = repository.createDecisionDefinitionQuery().decisionDefinitionKey(CarePackProcess.DECISION_CONTENTS)
        .latestVersion().singleResult().getId();
    return new Table(id);
  }

  /** Item code to quantity, in the table's order; two rows naming one item add up. */
  Map<String, Integer> of(PackType packType, RecipientGroup group, boolean vulnerable, int size) {
    return table().of(packType, group, vulnerable, size);
  }

  final class Table {

    private final String decisionId;
    private final Map<String, List<Row>> asked = new HashMap<>();

    private Table(String decisionId) {
      this.decisionId = decisionId;
    }

    Map<String, Integer> of(PackType packType, RecipientGroup group, boolean vulnerable, int size) {
      Map<String, Integer> items = new LinkedHashMap<>();
      for (Row row : rows(packType, group, vulnerable)) {
        int quantity = row.quantityFor(size);
        if (row.itemCode() != null && quantity > 0) {
          items.merge(row.itemCode(), quantity, Integer::sum);
        }
      }
      return items;
    }

    private List<Row> rows(PackType packType, RecipientGroup group, boolean vulnerable) {
      return asked.computeIfAbsent(packType + "|" + group + "|" + vulnerable, key -> {
        List<Row> rows = new ArrayList<>();
        var result = decisions.evaluateDecisionTableById(decisionId)
            .variables(Variables.createVariables().putValue("packType", packType.name())
                .putValue("recipientGroup", group.name()).putValue("vulnerable", vulnerable))
            .evaluate();
        for (Map<String, Object> row : result.getResultList()) {
          Number quantity = (Number) row.get("quantity");
          Number cap = (Number) row.get("cap");
          rows.add(new Row((String) row.get("itemCode"), quantity == null ? 0 : quantity.intValue(),
              Boolean.TRUE.equals(row.get("perMember")), cap == null ? null : cap.intValue()));
        }
        return rows;
      });
    }
  }
}
