package org.gridaid.helprequest;

import java.security.SecureRandom;

/** The code a resident reads out or types to follow their case: HR and ten characters. */
final class TrackingCodes {

  private static final SecureRandom RANDOM = new SecureRandom();
  /** No look-alikes (0/O, 1/I): easy to read out on the phone. */
  private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

  private TrackingCodes() {}

  static String next() {
    StringBuilder code = new StringBuilder("HR");
    for (int i = 0; i < 10; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }
}
