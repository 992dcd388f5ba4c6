package org.gridaid.apikey;

import java.util.Set;

/**
 * The operations a module lets outside systems call, declared by the module itself as a bean.
 * A controller names the operation it serves as {@code hasAuthority('api:<operation>')}; a key
 * may be allowed any declared operation, or {@link #ALL} of them.
 */
public interface ApiOperations {

  /** A key allowed this may call every declared operation. */
  String ALL = "*";

  /** Operation names such as {@code help-requests:create}: the module's plural noun, then the verb. */
  Set<String> names();
}
