package org.gridaid.carepacks;

import java.time.Instant;
import java.util.Map;

/**
 * One grid of a campaign: where it stands, the site its packs come from, and what that site still
 * lacks for them ({@code shortage}: item code to quantity, empty when covered).
 */
record CampaignGrid(long campaignId, String gridCode, GridStatus status, String siteCode,
    Map<String, Integer> shortage, int households, String handedOverBy, Instant handedOverAt, Instant completedAt) {

  boolean covered() {
    return shortage.isEmpty();
  }
}
