package org.gridaid.messaging;

import org.gridaid.shared.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The default sender: logs that a message would go out (its reference, the phone masked, the
 * length of the body) instead of sending it. Never the body: it may name a donor or carry a
 * case's tracking code; {@code TextMessages.of} shows it to whoever may read it.
 */
@Component
@ConditionalOnProperty(name = "gridaid.sms.sender", havingValue = "log", matchIfMissing = true)
class LoggingSmsSender implements SmsSender {

  private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

  @Override
  public void send(String phone, String body, String reference) {
    log.info("SMS {} to {}: {} characters", reference, PhoneNumbers.mask(phone), body.length());
  }
}
