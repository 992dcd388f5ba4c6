package org.gridaid.shared.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * When events between modules whose listener failed are sent again ({@code gridaid.events.*}).
 *
 * @param resubmitCron how often to look for them (Spring cron; {@code -} turns it off, as tests do)
 * @param resubmitOlderThan only publications at least this old, so one a listener is still
 *     handling (on this node or another) is left alone
 */
@Validated
@ConfigurationProperties("gridaid.events")
public record EventSettings(@NotBlank String resubmitCron, @NotNull Duration resubmitOlderThan) {}
