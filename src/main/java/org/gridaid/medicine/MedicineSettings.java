package org.gridaid.medicine;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The medicine flow's times ({@code gridaid.medicine.*}).
 *
 * @param checkWithin the pharmacy lists and checks within this (half for an urgent delivery)
 * @param sourcingWithin out of stock: the pharmacy and warehouse source it within this, or the street
 *     office hears of it
 * @param claimWithin a job none of the street's volunteers claimed in this goes to the grid's staff too
 * @param deliverWithin from pick-up to the door
 * @param coldChainWithin cold-chain medicine reaches the door within this of its reservation, or the
 *     street office is alerted
 * @param retryAfter nobody at home: the courier tries again after this
 * @param attemptsBeforeGrid after this many visits nobody answered, the grid's staff take the delivery over
 */
@Validated
@ConfigurationProperties("gridaid.medicine")
record MedicineSettings(@NotNull Duration checkWithin, @NotNull Duration sourcingWithin,
    @NotNull Duration claimWithin, @NotNull Duration deliverWithin, @NotNull Duration coldChainWithin,
    @NotNull Duration retryAfter, @Positive int attemptsBeforeGrid) {}
