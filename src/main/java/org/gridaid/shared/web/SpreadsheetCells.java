package org.gridaid.shared.web;

/**
 * Cells of CSV files as spreadsheets read them. A cell that begins with {@code = + - @}, a tab
 * or a carriage return (OWASP's list, with the full-width forms that Chinese input methods type)
 * is taken for a formula by Excel and LibreOffice, so every export writes it behind an
 * apostrophe ({@link CsvDownload}), which spreadsheets read as "text follows" and do not show.
 * The stored value stays as it was entered (the API answers it unchanged), and the register's
 * import takes the apostrophe off again, so that an exported file imports unchanged.
 */
public final class SpreadsheetCells {

  private static final char MARK = '\'';

  private SpreadsheetCells() {}

  /** Whether a spreadsheet would read a cell that begins with {@code c} as a formula. */
  private static boolean formulaStart(char c) {
    return switch (c) {
      case '=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠' -> true;
      default -> false;
    };
  }

  /**
   * The cell for a spreadsheet: behind an apostrophe when it begins like a formula, and also
   * when it begins with an apostrophe itself, so that {@link #asEntered} gives back exactly
   * what was stored.
   */
  public static String neutralised(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    char first = value.charAt(0);
    return formulaStart(first) || first == MARK ? MARK + value : value;
  }

  /**
   * The value of a cell as it was entered: without the apostrophe {@link #neutralised} put
   * before a formula character or another apostrophe. A cell such as {@code 'abc} from a
   * hand-made file keeps its apostrophe.
   */
  public static String asEntered(String cell) {
    if (cell == null || cell.length() < 2 || cell.charAt(0) != MARK) {
      return cell;
    }
    char second = cell.charAt(1);
    return formulaStart(second) || second == MARK ? cell.substring(1) : cell;
  }
}
