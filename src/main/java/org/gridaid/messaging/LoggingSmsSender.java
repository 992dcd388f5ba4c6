package org.gridaid.messaging;

import org.gridaid.shared.PhoneNumbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The default sender: writes the message to the log (with the phone masked) instead of sending it. */
@Component
@ConditionalOnProperty(name = "gridaid.sms.sender", havingValue = "log", matchIfMissing = true)
class LoggingSmsSender implements SmsSender {

  private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

  @Override
  public void send(String phone, String body, String reference) {
    log.info("SMS {} to {}: {}", reference, PhoneNumbers.mask(phone), body);
  }
}
