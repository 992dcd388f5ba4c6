package org.gridaid.carepacks;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The care-pack campaigns' settings ({@code gridaid.care-packs.*}).
 *
 * @param deadline a campaign's deadline when its starter names none: the first round ends then
 * @param followUpWithin the second attempt at the doors nobody opened, before the grid leader takes them
 * @param leaderWithin the grid leader's follow-up; overdue, the grid's street office supervises it
 * @param appealWithin how long a donation appeal for a shortage stays open
 * @param maxGrids the most grids one campaign may cover
 * @param maxRecords the most records one bulk post may carry
 */
@Validated
@ConfigurationProperties("gridaid.care-packs")
record CarePackSettings(@NotNull Duration deadline, @NotNull Duration followUpWithin, @NotNull Duration leaderWithin,
    @NotNull Duration appealWithin, @Positive int maxGrids, @Positive int maxRecords) {}
