/**
 * Medicine to the door (送医送药上门): a delivery asked for by a help request's grid worker, an
 * operator in Tasklist or a clinic over REST; the pharmacy's list and prescription check, a
 * reservation in the {@code supplies} ledger at the nearest site, a courier who claims the job,
 * the proof of delivery. Tells the help request it came from by {@link MedicineDeliveryChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Medicine delivery")
package org.gridaid.medicine;
