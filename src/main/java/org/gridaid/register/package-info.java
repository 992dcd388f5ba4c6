/** The household and vulnerable-people register (台账), with personal data encrypted and masked. */
@ApplicationModule(displayName = "Register")
package org.gridaid.register;

import org.springframework.modulith.ApplicationModule;
