/** Value types, problem responses and engine glue used by every module. */
package org.gridaid.shared;
