package org.gridaid.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AreaTreeTests {

  private final AreaTree tree = new AreaTree(List.of(
      area("D", null, AreaLevel.DISTRICT, "江海区", null),
      area("D-S", "D", AreaLevel.STREET, "外海街道", null),
      area("D-S-A", "D-S", AreaLevel.COMMUNITY, "幸福社区", null),
      area("D-S-B", "D-S", AreaLevel.COMMUNITY, "和平社区", null),
      area("D-S-A-01", "D-S-A", AreaLevel.GRID, "幸福社区第1网格", null),
      area("D-S-A-02", "D-S-A", AreaLevel.GRID, "幸福社区第2网格", null),
      area("D-S-B-01", "D-S-B", AreaLevel.GRID, "和平社区第1网格", null),
      area("D-S-A-01-01", "D-S-A-01", AreaLevel.MINIMAL_UNIT, "花园1栋", "花园1栋"),
      area("D-S-A-02-01", "D-S-A-02", AreaLevel.MINIMAL_UNIT, "幸福花园1栋", "幸福花园1栋"),
      area("D-S-A-02-02", "D-S-A-02", AreaLevel.MINIMAL_UNIT, "新村1栋", "新村1栋"),
      area("D-S-B-01-01", "D-S-B-01", AreaLevel.MINIMAL_UNIT, "新村1栋", "新村1栋")));

  private static Area area(String code, String parent, AreaLevel level, String name, String address) {
    return new Area(code, parent, level, name, null, address, 0);
  }

  @Test
  void theMoreSpecificAddressWinsOverOneItContains() {
    assertThat(tree.resolveAddress("幸福花园1栋201").orElseThrow().minimalUnitCode()).isEqualTo("D-S-A-02-01");
  }

  @Test
  void fullWidthDigitsSpacesAndOtherWordsForBuildingAreTheSame() {
    assertThat(tree.resolveAddress("幸福花园 １号楼").orElseThrow().minimalUnitCode()).isEqualTo("D-S-A-02-01");
    assertThat(tree.resolveAddress("幸福花园1幢").orElseThrow().minimalUnitCode()).isEqualTo("D-S-A-02-01");
  }

  @Test
  void theSameAddressInTwoCommunitiesNeedsTheCommunityName() {
    assertThat(tree.resolveAddress("新村1栋")).isEmpty();
    assertThat(tree.unitsMatching("新村1栋")).extracting(Area::code).containsExactly("D-S-A-02-02", "D-S-B-01-01");
    assertThat(tree.resolveAddress("和平社区新村1栋").orElseThrow().gridCode()).isEqualTo("D-S-B-01");
  }

  @Test
  void aBuildingNumberIsNotPartOfALongerOne() {
    assertThat(tree.resolveAddress("幸福花园11栋")).isEmpty();
  }

  @Test
  void thePathRunsFromTheTop() {
    assertThat(tree.path("D-S-A-01-01")).extracting(Area::code)
        .containsExactly("D", "D-S", "D-S-A", "D-S-A-01", "D-S-A-01-01");
  }

  @Test
  void onlyGridAndMinimalUnitCodesResolve() {
    assertThat(tree.resolveCode("D-S-A-01")).isPresent();
    assertThat(tree.resolveCode("D-S-A-01-01").orElseThrow().gridCode()).isEqualTo("D-S-A-01");
    assertThat(tree.resolveCode("D-S-A")).isEmpty();
    assertThat(tree.resolveCode("nope")).isEmpty();
  }
}
