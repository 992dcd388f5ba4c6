package org.gridaid.shared.validation;

/** An enum constant with the Chinese label people write instead of its code (独居老人 for ELDERLY_ALONE). */
public interface Labelled {

  String label();
}
