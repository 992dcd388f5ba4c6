/** API keys of outside systems: stored hashed, each allowed a set of operations. */
package org.gridaid.apikey;
