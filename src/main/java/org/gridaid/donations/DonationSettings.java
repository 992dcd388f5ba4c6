package org.gridaid.donations;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Donations ({@code gridaid.donations.*}).
 *
 * @param idNumberFrom from this amount in yuan on, a gift names the donor's ID number (kept encrypted)
 * @param confirmWithin how long finance has to confirm that a gift the desk recorded arrived
 * @param zone the zone receipt years and report days are counted in
 * @param publicName what the public sees for an anonymous donor
 * @param reportCache how long the public report is kept before it is computed again (0: never kept)
 * @param reportRequestsPerMinute how often one client address may read the public report, over all nodes
 */
@Validated
@ConfigurationProperties("gridaid.donations")
record DonationSettings(@NotNull BigDecimal idNumberFrom, @NotNull Duration confirmWithin, @NotNull ZoneId zone,
    @NotNull String publicName, @NotNull Duration reportCache, @Positive int reportRequestsPerMinute) {}
