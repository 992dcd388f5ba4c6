package org.gridaid.donations;

import jakarta.validation.constraints.NotNull;
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
 */
@Validated
@ConfigurationProperties("gridaid.donations")
record DonationSettings(@NotNull BigDecimal idNumberFrom, @NotNull Duration confirmWithin, @NotNull ZoneId zone,
    @NotNull String publicName) {}
