/** Hotline help requests (热线诉求): intake, triage, routing, handling, escalation, call-back. */
package org.gridaid.helprequest;
