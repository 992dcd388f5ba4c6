package org.gridaid.messaging;

/** Delivers a text message; throws when the gateway did not take it, so it is tried again. */
public interface SmsSender {

  void send(String phone, String body, String reference) throws Exception;
}
