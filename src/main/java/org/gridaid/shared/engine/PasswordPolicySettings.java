package org.gridaid.shared.engine;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The password policy every password a person chooses follows ({@code gridaid.password-policy.*}).
 *
 * @param minLength the fewest characters a password may have
 */
@Validated
@ConfigurationProperties("gridaid.password-policy")
record PasswordPolicySettings(@Min(8) int minLength) {}
