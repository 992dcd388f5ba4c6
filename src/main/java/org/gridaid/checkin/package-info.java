/**
 * Daily check-ins (每日电话随访) of the register's people: one list per grid and day, what the
 * grid worker heard, a visit after two unanswered calls, needs handed on as help requests, and
 * a round nobody finished closed at the end of its day for the community to follow up.
 */
@ApplicationModule(displayName = "Daily check-in")
package org.gridaid.checkin;

import org.springframework.modulith.ApplicationModule;
