package org.gridaid.supplies;

/**
 * Something kept in stock, counted in {@code unit} (盒, 支, 袋). Cold-chain items (insulin) are
 * kept and carried cold; prescription-only ones are handed out after medical staff checked a
 * prescription.
 */
public record SupplyItem(String code, String name, String unit, ItemCategory category, boolean coldChain,
    boolean prescriptionOnly) {}
