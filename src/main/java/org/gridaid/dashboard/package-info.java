/**
 * The supervisors' dashboard (督办看板): open help requests, check-in rounds, late deliveries and
 * the running care-pack campaigns' progress by street, community and grid, in Cockpit and at
 * {@code /api/v1/dashboard}; and the operations metrics at {@code /actuator/prometheus}. Reads the
 * other modules' figures through their APIs only.
 */
@ApplicationModule(displayName = "Dashboard")
package org.gridaid.dashboard;

import org.springframework.modulith.ApplicationModule;
