package org.gridaid.checkin;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * When the day's lists go out, when a missing round escalates and closes, and how soon a
 * person not reached twice is visited, in the grids' time zone ({@code gridaid.check-in.*};
 * defaults in application.yaml).
 *
 * @param dailyAt when each grid's list goes out
 * @param zone the grids' time zone
 * @param gridLeaderAt an unfinished round goes to the grid leader
 * @param communityAt an unfinished round goes to the community office
 * @param closesAt an unfinished round is closed as missed at the first such time after its list
 *     went out: at {@code dailyAt} that is the next morning's start
 * @param homeVisitWithin how soon after the second unanswered call the grid leader is at the door
 */
@Validated
@ConfigurationProperties("gridaid.check-in")
public record CheckInSettings(@NotNull LocalTime dailyAt, @NotNull ZoneId zone, @NotNull LocalTime gridLeaderAt,
    @NotNull LocalTime communityAt, @NotNull LocalTime closesAt, @NotNull Duration homeVisitWithin) {}
