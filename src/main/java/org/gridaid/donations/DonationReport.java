package org.gridaid.donations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The public transparency report of an appeal (捐赠公示): pledged, received and given out, in all,
 * by site and by day. No donor's name or phone: an anonymous donor stays anonymous, and nobody's
 * details are published. Money in yuan, goods in the item's unit; {@code givenOut} is null for
 * money (what the charity spends is not tracked here).
 *
 * <p>Goods received and given out are read from the supplies ledger's movements, so that the
 * report's totals are the ledger's: received, the RECEIVE movements of the appeal's pledges
 * ({@code DONATION pledge-<id>}); given out, what left the appeal's sites of the donated batches
 * ({@code DON-P<pledge id>}): issued to campaigns, deliveries and cases (less what came back) or
 * handed on to a site that is not one of the appeal's. The site's other stock of the same item
 * is not counted, nor a transfer between two of the appeal's sites.
 */
record DonationReport(long appealId, String title, AppealKind kind, String kindLabel, String itemName, String unit,
    Number target, AppealStatus status, String statusLabel, Instant deadline, int pledges, Number pledged,
    Number received, Number givenOut, List<SiteLine> bySite, List<DayLine> byDay, Instant generatedAt) {

  record SiteLine(String siteCode, String siteName, Number pledged, Number received, Number givenOut) {}

  /** A day in the zone of {@code gridaid.donations.zone}. */
  record DayLine(LocalDate day, Number pledged, Number received, Number givenOut) {}
}
