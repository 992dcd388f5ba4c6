/**
 * The stock ledger that medicine deliveries, care packs and donations share: supply sites,
 * items, and what happened to the stock of an item at a site as movements that are never
 * changed. See {@link org.gridaid.supplies.StockLedger}.
 */
@ApplicationModule(displayName = "Supplies")
package org.gridaid.supplies;

import org.springframework.modulith.ApplicationModule;
