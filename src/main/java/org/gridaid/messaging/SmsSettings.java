package org.gridaid.messaging;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How residents' text messages leave the system ({@code gridaid.sms.*}).
 *
 * @param sender {@code log} writes them to the log with the phone masked; {@code webhook} posts
 *     them to an SMS gateway
 * @param webhookUrl the gateway's address, for {@code webhook}
 * @param webhookToken sent as a bearer token when not blank
 */
@ConfigurationProperties("gridaid.sms")
record SmsSettings(String sender, URI webhookUrl, String webhookToken) {}
