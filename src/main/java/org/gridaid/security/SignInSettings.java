package org.gridaid.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many wrong passwords a client may try ({@code gridaid.sign-in.*}), see {@link SignInThrottle}.
 *
 * @param failuresPerAccount wrong passwords for one account from one client address per period
 * @param failuresPerAddress wrong passwords for any accounts from one client address per period
 * @param period the time in which the allowances fill up again, one try at a time
 */
@Validated
@ConfigurationProperties("gridaid.sign-in")
record SignInSettings(@Positive int failuresPerAccount, @Positive int failuresPerAddress, @NotNull Duration period) {}
