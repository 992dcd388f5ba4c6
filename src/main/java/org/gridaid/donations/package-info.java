/**
 * Donations (捐赠 / 认捐): appeals with a target, the money and goods pledged and received against
 * them, and what became of the goods. Goods go through the {@code supplies} stock ledger: this
 * module keeps no count of stock of its own. See {@link org.gridaid.donations.AppealService}.
 */
@ApplicationModule(displayName = "Donations")
package org.gridaid.donations;

import org.springframework.modulith.ApplicationModule;
