/** The household and vulnerable-people register (台账), with personal data encrypted and masked. */
package org.gridaid.register;
