package org.gridaid.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A CSV file as the answer to a request, the way every export writes it: UTF-8 with a BOM first
 * (Excel takes the file for UTF-8 only then), CRLF after each record, and a text cell that a
 * spreadsheet would run as a formula behind an apostrophe ({@link SpreadsheetCells}). The rows
 * are read by the caller before, so that a failure is still an error response; they are written
 * in the request's own thread rather than as a StreamingResponseBody, which would be cut off by
 * the 30-second async timeout on a slow connection.
 */
public final class CsvDownload {

  public static final char BOM = '\uFEFF';

  private CsvDownload() {}

  /** {@code fileName} without its extension; {@code fields}: the cells of a row, in the order of the columns. */
  public static <T> void write(HttpServletResponse response, String fileName, List<String> columns, List<T> rows,
      Function<T, Object[]> fields) throws IOException {
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + ".csv\"");
    response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
    Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    writer.write(BOM);
    CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180);
    csv.printRecord(columns);
    for (T row : rows) {
      Object[] cells = fields.apply(row);
      for (int i = 0; i < cells.length; i++) {
        if (cells[i] instanceof String text) {
          cells[i] = SpreadsheetCells.neutralised(text);
        }
      }
      csv.printRecord(cells);
    }
    csv.flush();
  }
}
