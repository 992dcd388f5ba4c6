package org.gridaid.supplies;

/** A site and how much of an item it can still promise. */
public record SiteStock(SupplySite site, int available) {}
