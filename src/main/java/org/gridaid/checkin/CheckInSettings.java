package org.gridaid.checkin;

import jakarta.validation.constraints.NotNull;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * When the day's lists go out and when a missing round escalates, in the grids' time zone
 * ({@code gridaid.check-in.*}; defaults in application.yaml).
 *
 * @param dailyAt when each grid's list goes out
 * @param zone the grids' time zone
 * @param gridLeaderAt an unfinished round goes to the grid leader
 * @param communityAt an unfinished round goes to the community office
 */
@Validated
@ConfigurationProperties("gridaid.check-in")
public record CheckInSettings(@NotNull LocalTime dailyAt, @NotNull ZoneId zone, @NotNull LocalTime gridLeaderAt,
    @NotNull LocalTime communityAt) {}
