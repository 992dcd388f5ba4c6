package org.gridaid.supplies;

/** A place where stock is kept, in an area of the hierarchy (its code, from a district to a grid). */
public record SupplySite(String code, String name, SiteKind kind, String areaCode, boolean active) {}
