package org.gridaid.carepacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.gridaid.carepacks.CarePackProcess.*;

import java.util.List;
import java.util.Map;
import org.gridaid.register.HouseholdRoster;
import org.junit.jupiter.api.Test;

/** The care-pack campaign process with its tasks worked and its timers fired as jobs. */
class CarePackCampaignProcessTests extends CarePackScenario {

  @Test
  void everyHouseholdOfTheGridsGetsAPackAndCoveredGridsGoToTheWarehouseAtOnce() {
    int rice = stock(ZHONGFU_CENTRE, "FOOD-RICE").reserved();
    long id = start(List.of(ZHONGFU_01, ZHONGFU_02), PackType.LIVING_SUPPLIES);

    List<HouseholdRoster.Member> members = roster.inGrids(List.of(ZHONGFU_01, ZHONGFU_02));
    CampaignReport report = report(id);
    assertThat(report.totals().householdsPlanned()).as("one pack per household of the register")
        .isEqualTo(members.size()).isPositive();
    assertThat(report.grids()).extracting(CampaignReport.GridView::status)
        .containsOnly(GridStatus.PREPARING);
    assertThat(report.grids()).extracting(CampaignReport.GridView::siteCode).containsOnly(ZHONGFU_CENTRE);
    assertThat(tasks(id, TASK_HAND_OVER)).hasSize(2).allSatisfy(t -> assertThat(t).hasCandidateGroup("warehouse"));
    long needy = members.stream().filter(m -> m.vulnerable() || m.group().name().equals("HARDSHIP")).count();
    assertThat(stock(ZHONGFU_CENTRE, "FOOD-RICE").reserved()).as("a bag of rice per hardship or vulnerable household")
        .isEqualTo(rice + (int) needy);
    assertThat(report.items()).extracting(CampaignReport.ItemRow::itemCode).contains("CARD-MESSAGE");
    assertThat(report.items()).filteredOn(i -> i.itemCode().equals("CARD-MESSAGE")).singleElement()
        .satisfies(card -> assertThat(card.needed()).as("a card in every pack").isEqualTo(members.size()));
  }
}
