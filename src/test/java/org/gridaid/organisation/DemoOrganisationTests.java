package org.gridaid.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.gridaid.test.GridAidTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@GridAidTest
class DemoOrganisationTests {

  @Autowired
  AreaDirectory areas;
  @Autowired
  StaffService staff;
  @Autowired
  IdentityService identity;
  @Autowired
  FilterService filters;

  private List<Area> demo(AreaLevel level) {
    return areas.subtree("JH").stream().filter(a -> a.level() == level).toList();
  }

  @Test
  void oneDistrictThreeStreetsTwoCommunitiesEachThreeGridsEach() {
    assertThat(areas.get("JH").name()).isEqualTo("江海区");
    assertThat(demo(AreaLevel.STREET)).extracting(Area::name)
        .containsExactlyInAnyOrder("外海街道", "礼乐街道", "江南街道");
    assertThat(demo(AreaLevel.COMMUNITY)).extracting(Area::name)
        .contains("中福社区", "银泉社区", "永明社区", "新创村");
    for (Area street : demo(AreaLevel.STREET)) {
      assertThat(areas.children(street.code())).hasSizeGreaterThanOrEqualTo(2);
    }
    for (Area community : demo(AreaLevel.COMMUNITY)) {
      assertThat(areas.children(community.code())).hasSizeGreaterThanOrEqualTo(3);
    }
    for (Area grid : demo(AreaLevel.GRID)) {
      assertThat(areas.children(grid.code())).isNotEmpty()
          .allSatisfy(unit -> assertThat(unit.address()).isNotBlank());
    }
  }

  @Test
  void everyRoleOfTheBriefHasStaff() {
    Map<StaffRole, Long> perRole = staff.list(null, null).stream()
        .collect(Collectors.groupingBy(Staff::role, Collectors.counting()));
    assertThat(perRole.keySet()).containsAll(Arrays.asList(StaffRole.values()));
    assertThat(perRole.get(StaffRole.MEDICAL_TEAM)).isEqualTo(6);
  }

  @Test
  void everyDemoGridHasAWorkerAndALeaderInItsGroups() {
    for (Area grid : demo(AreaLevel.GRID)) {
      if (grid.code().equals("JH-JN-DH-04")) {
        continue; // added by another test
      }
      assertThat(identity.createUserQuery().memberOfGroup(Groups.grid(grid.code())).count())
          .as("workers of %s", grid.code()).isPositive();
      assertThat(identity.createUserQuery().memberOfGroup(Groups.gridLeader(grid.code())).count())
          .as("leaders of %s", grid.code()).isPositive();
    }
  }

  @Test
  void eachAreaRoleHasOneGroupPerAreaNamedAsInTheBrief() {
    for (Area community : demo(AreaLevel.COMMUNITY)) {
      assertThat(identity.createGroupQuery().groupId("community-" + community.code()).singleResult().getName())
          .isEqualTo("社区(村) · " + community.name());
    }
    for (Area street : demo(AreaLevel.STREET)) {
      assertThat(identity.createGroupQuery().groupIdIn("street-" + street.code(), "volunteer-" + street.code())
          .count()).isEqualTo(2);
    }
    assertThat(identity.createGroupQuery()
        .groupIdIn("hotline", "district-command", "medical-team", "pharmacy", "warehouse", "donation-desk", "finance")
        .count()).isEqualTo(7);
  }

  @Test
  void everyGroupThatReceivesTasksHasItsTasklistFilter() {
    assertThat(filters.createFilterQuery().filterName("中福社区第1网格 · 网格任务").count()).isEqualTo(1);
    assertThat(filters.createFilterQuery().filterName("外海街道 · 志愿者接单").count()).isEqualTo(1);
    assertThat(filters.createFilterQuery().filterName("热线任务").count()).isEqualTo(1);
  }
}
