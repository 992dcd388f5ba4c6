package org.gridaid.helprequest;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Putting a help request on hold ({@code gridaid.help-request.hold.*}).
 *
 * @param longestTotal how long one case may be on hold in all, over all its holds: a resident's
 *     wish stops the clock, but not for ever
 */
@Validated
@ConfigurationProperties("gridaid.help-request.hold")
record HoldSettings(@NotNull Duration longestTotal) {}
