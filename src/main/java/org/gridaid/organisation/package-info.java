/** The grid hierarchy, staff, and the directory other modules ask "whose grid is this?". */
package org.gridaid.organisation;
