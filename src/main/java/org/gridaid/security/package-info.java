/** One security model: staff sign in with their Camunda identity, outside systems with API keys. */
@ApplicationModule(displayName = "Security")
package org.gridaid.security;

import org.springframework.modulith.ApplicationModule;
