/** The grid hierarchy, staff, and the directory other modules ask "whose grid is this?". */
@ApplicationModule(displayName = "Organisation")
package org.gridaid.organisation;

import org.springframework.modulith.ApplicationModule;
