package org.gridaid.shared;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the whole application ({@code gridaid.*}; defaults in application.yaml).
 *
 * @param deploymentName the name of the engine deployment that holds processes/ and forms/
 * @param dataKey 32 random bytes in base64 that encrypt personal data at rest
 *     ({@code GRIDAID_DATA_KEY}); checked by {@link PersonalDataCipher}
 */
@Validated
@ConfigurationProperties("gridaid")
public record GridAidSettings(@NotBlank String deploymentName, String dataKey) {}
