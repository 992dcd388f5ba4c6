package org.gridaid.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo profile's made-up accounts ({@code gridaid.demo.*}, set in application-demo.yaml).
 *
 * @param staffPassword the password of every demo staff account
 * @param partnerApiKey an API key allowed every outside-system operation
 */
@ConfigurationProperties("gridaid.demo")
public record DemoSettings(String staffPassword, String partnerApiKey) {}
