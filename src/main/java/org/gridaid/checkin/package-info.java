/**
 * Daily check-ins (每日电话随访) of the register's people: one list per grid and day, what the
 * grid worker heard, a visit after two unanswered calls, and needs handed on as help requests.
 */
@ApplicationModule(displayName = "Daily check-in")
package org.gridaid.checkin;

import org.springframework.modulith.ApplicationModule;
