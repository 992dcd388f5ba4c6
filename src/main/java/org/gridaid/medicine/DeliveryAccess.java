package org.gridaid.medicine;

import static org.gridaid.organisation.StaffRole.DISTRICT_COMMAND;
import static org.gridaid.organisation.StaffRole.HOTLINE;
import static org.gridaid.organisation.StaffRole.MEDICAL_TEAM;
import static org.gridaid.organisation.StaffRole.PHARMACY;
import static org.gridaid.organisation.StaffRole.VOLUNTEER;
import static org.gridaid.organisation.StaffRole.WAREHOUSE;

import org.gridaid.security.Requester;
import org.gridaid.shared.web.ForbiddenException;
import org.gridaid.shared.web.NotFoundException;

/**
 * Who may do what to a medicine delivery, in one place, as for help requests: seeing a delivery
 * and acting on it are separate permissions.
 *
 * <pre>
 * see              staff whose work covers the recipient's grid; the pharmacy, the medical team
 *                  and the warehouse, who work every delivery; volunteers only the deliveries
 *                  they carry; an outside system: the deliveries it asked for
 * cancel           whoever asked for it, the hotline, the pharmacy, the medical team, the
 *                  district command, the administrator
 * report a visit   the courier who carries it (the grid's staff once it is theirs)
 * read the code    whoever asked for it, the hotline, the administrator: never a courier
 * </pre>
 *
 * <p>A caller who may not see a delivery is told it does not exist (404); one who sees it but
 * may not act gets 403 with the rule.
 */
enum DeliveryAccess {

  SEE("") {
    @Override
    boolean allows(Requester who, MedicineDelivery delivery) {
      return true;
    }
  },

  CANCEL("Only whoever asked for the delivery, the hotline, the pharmacy, the medical team and the district"
      + " command cancel a medicine delivery") {
    @Override
    boolean allows(Requester who, MedicineDelivery delivery) {
      return who.admin() || asked(who, delivery) || who.hasRole(HOTLINE, PHARMACY, MEDICAL_TEAM, DISTRICT_COMMAND);
    }
  },

  REPORT_VISIT("Only the courier who carries the delivery reports what happened at the door") {
    @Override
    boolean allows(Requester who, MedicineDelivery delivery) {
      return !who.partner() && (who.id().equals(delivery.courier())
          || delivery.withGrid() && who.servesGrid(delivery.gridCode()));
    }
  };

  private final String rule;

  DeliveryAccess(String rule) {
    this.rule = rule;
  }

  abstract boolean allows(Requester who, MedicineDelivery delivery);

  /** The delivery, if the requester may do this to it: 404 when they may not even see it, else 403. */
  MedicineDelivery check(Requester who, MedicineDelivery delivery) {
    if (!sees(who, delivery)) {
      throw new NotFoundException("Medicine delivery", String.valueOf(delivery.id()));
    }
    if (!allows(who, delivery)) {
      throw new ForbiddenException(rule);
    }
    return delivery;
  }

  static boolean sees(Requester who, MedicineDelivery delivery) {
    if (who.partner()) {
      return asked(who, delivery);
    }
    if (who.hasRole(VOLUNTEER)) {
      return who.id().equals(delivery.courier());
    }
    return who.admin() || asked(who, delivery) || who.hasRole(PHARMACY, MEDICAL_TEAM, WAREHOUSE)
        || who.covers(delivery.gridCode());
  }

  /** The code the recipient shows at the door: for whoever asked (to tell the recipient) and the hotline. */
  static boolean readsConfirmationCode(Requester who, MedicineDelivery delivery) {
    return who.admin() || asked(who, delivery) || who.hasRole(HOTLINE);
  }

  /** Outside systems read the recipient's phone masked, as for help requests. */
  static boolean seesPersonalData(Requester who, MedicineDelivery delivery) {
    return !who.partner();
  }

  private static boolean asked(Requester who, MedicineDelivery delivery) {
    return who.id().equals(delivery.requestedBy());
  }
}
