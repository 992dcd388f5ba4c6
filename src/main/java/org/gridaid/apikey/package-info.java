/** API keys of outside systems: stored hashed, each allowed a set of operations. */
@ApplicationModule(displayName = "API keys")
package org.gridaid.apikey;

import org.springframework.modulith.ApplicationModule;
