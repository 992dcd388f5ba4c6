package org.gridaid.register;

/** A household as stored; {@code address} and {@code phone} are the plain values, decrypted on read. */
record Household(long id, String gridCode, String minimalUnitCode, String address, String phone, int size,
    RecipientGroup recipientGroup) {}
