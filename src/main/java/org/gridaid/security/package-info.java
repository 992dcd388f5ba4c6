/** One security model: staff sign in with their Camunda identity, outside systems with API keys. */
package org.gridaid.security;
