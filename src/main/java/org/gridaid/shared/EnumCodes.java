package org.gridaid.shared;

import java.util.Arrays;
import java.util.List;

/** Sets of enum constants stored as one comma-separated column ("ELDERLY_ALONE,PREGNANT"). */
public final class EnumCodes {

  private EnumCodes() {}

  public static <E extends Enum<E>> List<E> parse(Class<E> type, String csv) {
    return csv == null || csv.isBlank() ? List.of()
        : Arrays.stream(csv.split(",")).map(code -> Enum.valueOf(type, code)).toList();
  }

  public static String join(List<? extends Enum<?>> values) {
    return String.join(",", values.stream().map(Enum::name).toList());
  }
}
