package org.gridaid.messaging;

import org.gridaid.shared.PhoneNumbers;

/**
 * A text message to a resident's phone, as {@link TextMessages} keeps it.
 *
 * @param kind what the message is about, the owner's code for it (e.g. {@code RECEIVED})
 * @param attempts how often the gateway was tried
 */
public record TextMessage(long id, MessageOwner owner, String phone, String kind, String body, Status status,
    int attempts) {

  public enum Status {
    /** Not sent yet: waiting for its turn, or for the next try after a failure. */
    PENDING,
    SENT,
    /** Given up after the last attempt; the owner's next message went on. */
    FAILED
  }

  /** With the phone masked and without the body, for a log line or a failing assertion. */
  @Override
  public String toString() {
    return "TextMessage[id=%d, owner=%s, phone=%s, kind=%s, status=%s, attempts=%d]"
        .formatted(id, owner, PhoneNumbers.mask(phone), kind, status, attempts);
  }
}
