package org.gridaid.helprequest;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The public tracking page ({@code gridaid.tracking.*}).
 *
 * @param requestsPerMinute how often one client address may ask, across all nodes
 */
@Validated
@ConfigurationProperties("gridaid.tracking")
record TrackingSettings(@Positive int requestsPerMinute) {}
