package org.gridaid.carepacks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.gridaid.shared.validation.EnumCode;
import org.gridaid.shared.validation.PlainText;

/**
 * A new campaign: a name, the grids (or whole communities and streets) it covers, the pack types
 * it sends, and its deadline (gridaid.care-packs.deadline from now when empty). Whether the areas
 * are known and the starter's, {@link CarePackService} checks.
 */
record NewCampaign(
    @NotBlank(message = "is required") @Size(max = 100, message = "must be at most {max} characters") @PlainText
    String name,
    @NotEmpty(message = "must name at least one grid, community or street")
    @Size(max = 500, message = "must list at most {max} areas")
    List<@NotBlank(message = "is required") @Size(max = 40, message = "must be at most {max} characters") @PlainText
        String> areaCodes,
    @NotEmpty(message = "must name at least one pack type")
    @Size(max = 2, message = "must list at most {max} pack types")
    List<@NotBlank(message = "is required") @EnumCode(PackType.class) String> packTypes,
    Instant deadline) {

  NewCampaign {
    name = name == null ? null : name.strip();
    areaCodes = areaCodes == null ? List.of() : areaCodes.stream().map(c -> c == null ? null : c.strip()).toList();
    packTypes = packTypes == null ? List.of() : packTypes.stream().map(c -> c == null ? null : c.strip()).toList();
  }
}
