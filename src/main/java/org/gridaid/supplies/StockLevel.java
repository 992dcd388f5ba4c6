package org.gridaid.supplies;

/** The stock of an item at a site: on hand, promised, and what can still be promised. */
public record StockLevel(String siteCode, String itemCode, int onHand, int reserved) {

  public int available() {
    return onHand - reserved;
  }
}
