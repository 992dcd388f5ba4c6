/** Hotline help requests (热线诉求): intake, triage, routing, handling, escalation, call-back. */
@ApplicationModule(displayName = "Help requests")
package org.gridaid.helprequest;

import org.springframework.modulith.ApplicationModule;
