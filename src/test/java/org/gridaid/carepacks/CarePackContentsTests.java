package org.gridaid.carepacks;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridaid.register.RecipientGroup;
import org.gridaid.test.GridAidTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The DMN table care-pack-contents, row by row: what each recipient group finds in its pack. */
@GridAidTest
class CarePackContentsTests {

  @Autowired
  CarePackContents contents;

  @Test
  void hardshipHouseholdsGetRiceNoodlesDisinfectantMasksAndACard() {
    assertThat(contents.of(PackType.LIVING_SUPPLIES, RecipientGroup.HARDSHIP, false, 3)).containsExactly(
        java.util.Map.entry("FOOD-RICE", 1), java.util.Map.entry("FOOD-NOODLES", 1),
        java.util.Map.entry("HYG-DISINFECTANT", 1), java.util.Map.entry("PPE-MASK", 1),
        java.util.Map.entry("CARD-MESSAGE", 1));
  }

  @Test
  void aVulnerableVillagerGetsTheHardshipItemsBesideMeatAndVegetables() {
    assertThat(contents.of(PackType.LIVING_SUPPLIES, RecipientGroup.ORDINARY, true, 2))
        .containsEntry("FOOD-RICE", 1).containsEntry("PPE-MASK", 1)
        .containsEntry("FOOD-MEAT", 2).containsEntry("FOOD-VEGETABLES", 2).containsEntry("CARD-MESSAGE", 1);
  }

  @Test
  void quarantinedHouseholdsGetFruitNutsAndMilkPerMemberUpToThree() {
    assertThat(contents.of(PackType.LIVING_SUPPLIES, RecipientGroup.QUARANTINED, false, 2))
        .containsOnlyKeys("FOOD-FRUIT", "FOOD-NUTS", "FOOD-MILK", "CARD-MESSAGE").containsEntry("FOOD-MILK", 2);
    assertThat(contents.of(PackType.LIVING_SUPPLIES, RecipientGroup.QUARANTINED, false, 6))
        .as("capped").containsEntry("FOOD-MILK", 3).containsEntry("FOOD-FRUIT", 1);
  }

  @Test
  void contactTracingStaffGetWhatQuarantinedHouseholdsGet() {
    assertThat(contents.of(PackType.LIVING_SUPPLIES, RecipientGroup.TRACING_STAFF, false, 2))
        .isEqualTo(contents.of(PackType.LIVING_SUPPLIES, RecipientGroup.QUARANTINED, false, 2))
        .containsOnlyKeys("FOOD-FRUIT", "FOOD-NUTS", "FOOD-MILK", "CARD-MESSAGE");
  }

  @Test
  void villagersAffectedByTheLockdownGetMeatAndVegetablesByHouseholdSize() {
    assertThat(contents.of(PackType.LIVING_SUPPLIES, RecipientGroup.ORDINARY, false, 1))
        .containsOnlyKeys("FOOD-MEAT", "FOOD-VEGETABLES", "CARD-MESSAGE").containsEntry("FOOD-MEAT", 1);
    assertThat(contents.of(PackType.LIVING_SUPPLIES, RecipientGroup.ORDINARY, false, 8))
        .containsEntry("FOOD-MEAT", 3).containsEntry("FOOD-VEGETABLES", 3);
  }

  @Test
  void aBreakfastPackHasBreadPerMemberUpToFiveMilkEggsAndItsOwnCard() {
    assertThat(contents.of(PackType.BREAKFAST, RecipientGroup.HARDSHIP, true, 4))
        .containsOnlyKeys("FOOD-BREAD", "FOOD-MILK", "FOOD-EGGS", "CARD-MESSAGE").containsEntry("FOOD-BREAD", 4);
    assertThat(contents.of(PackType.BREAKFAST, RecipientGroup.ORDINARY, false, 9)).containsEntry("FOOD-BREAD", 5)
        .containsEntry("FOOD-MILK", 1);
  }
}
