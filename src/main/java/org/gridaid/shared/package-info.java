/** Value types, problem responses and engine glue used by every module. */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package org.gridaid.shared;

import org.springframework.modulith.ApplicationModule;
