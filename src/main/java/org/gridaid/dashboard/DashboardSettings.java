package org.gridaid.dashboard;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The dashboard's times ({@code gridaid.dashboard.*}).
 *
 * @param dueSoonWithin a case on the clock whose next deadline is this close counts as due soon
 * @param metricsMaxAge the figures of {@code /actuator/prometheus} are computed at most once in this time
 */
@Validated
@ConfigurationProperties("gridaid.dashboard")
record DashboardSettings(@NotNull Duration dueSoonWithin, @NotNull Duration metricsMaxAge) {}
