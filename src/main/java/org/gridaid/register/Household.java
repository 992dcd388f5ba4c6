package org.gridaid.register;

/** A household as stored; {@code phone} is the plain value, decrypted on read. */
record Household(long id, String gridCode, String minimalUnitCode, String address, String phone, int size,
    RecipientGroup recipientGroup) {}
