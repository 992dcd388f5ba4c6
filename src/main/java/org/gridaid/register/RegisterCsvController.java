package org.gridaid.register;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.gridaid.register.RegisterImport.Report;
import org.gridaid.register.RegisterImport.Type;
import org.gridaid.shared.Coverage;
import org.gridaid.shared.EnumCodes;
import org.gridaid.shared.web.CsvDownload;
import org.gridaid.shared.web.InvalidInputException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk import and export of the register as CSV, streamed both ways: imported as UTF-8 (with or
 * without BOM) or GB18030/GBK ({@link CsvEncoding}), exported as UTF-8 with a BOM.
 */
@RestController
@RequestMapping("/api/v1/register")
@PreAuthorize("hasRole('STAFF')")
class RegisterCsvController {

  private final RegisterImport importer;
  private final RegisterStore store;
  private final RegisterAccess access;

  RegisterCsvController(RegisterImport importer, RegisterStore store, RegisterAccess access) {
    this.importer = importer;
    this.store = store;
    this.access = access;
  }

  @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
      @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
      @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string"))})
  ResponseEntity<Report> importBody(@RequestBody(required = false) InputStreamResource body,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType, @RequestParam(required = false) Type type,
      @RequestParam(defaultValue = "false") boolean atomic, Authentication caller) throws IOException {
    // no body at all is an empty file, which the import names as such
    try (InputStream csv = body == null ? InputStream.nullInputStream() : body.getInputStream()) {
      return answer(importer.importCsv(csv, contentType, type, atomic, caller.getName(), access.writable(caller)));
    }
  }

  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Report> importFile(@RequestPart("file") MultipartFile file, @RequestParam(required = false) Type type,
      @RequestParam(defaultValue = "false") boolean atomic, Authentication caller) throws IOException {
    try (InputStream csv = file.getInputStream()) {
      return answer(importer.importCsv(csv, file.getContentType(), type, atomic, caller.getName(),
          access.writable(caller)));
    }
  }

  /** An all-or-nothing import that found bad rows changed nothing: 400 with the report. */
  private static ResponseEntity<Report> answer(Report report) {
    return report.applied() ? ResponseEntity.ok(report) : ResponseEntity.badRequest().body(report);
  }

  /**
   * The households or persons of the grids the caller covers, phones and ID numbers masked;
   * the grid staff of a grid may export theirs unmasked with a reason, which is recorded. The
   * rows are read first, so a failure is still an error response, then written as every export
   * is ({@link CsvDownload}: a BOM, CRLF, a cell a spreadsheet would run as a formula behind an
   * apostrophe, which the register's import takes off again).
   */
  @GetMapping("/export")
  @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  void export(@RequestParam(defaultValue = "HOUSEHOLDS") Type type,
      @RequestParam(required = false) String gridCode, @RequestParam(defaultValue = "false") boolean reveal,
      @RequestParam(required = false) String reason, Authentication caller, HttpServletResponse response)
      throws IOException {
    Coverage coverage = access.coverage(caller);
    Coverage grids = gridCode == null ? coverage : coverage.narrowedTo(gridCode);
    if (gridCode != null && !coverage.covers(gridCode)) {
      throw new InvalidInputException("gridCode", "is not a grid you cover");
    }
    boolean unmasked = false;
    if (reveal) {
      if (gridCode == null) {
        throw new InvalidInputException("gridCode", "is required for an unmasked export");
      }
      unmasked = access.reveal(caller, true, reason, gridCode, "EXPORT_" + type, 0, "phone,idNumber,carerContact");
    }
    boolean plain = unmasked;
    if (type == Type.HOUSEHOLDS) {
      CsvDownload.write(response, fileName(type), RegisterImport.HOUSEHOLD_COLUMNS, store.allHouseholds(grids), h -> new Object[] {
          h.address(), h.gridCode(), h.minimalUnitCode(), plain ? h.phone() : RegisterViews.maskPhone(h.phone()),
          h.size(), h.recipientGroup().name()});
    } else {
      CsvDownload.write(response, fileName(type), RegisterImport.PERSON_COLUMNS, store.allPersons(grids), at -> {
        Person p = at.person();
        return new Object[] {at.gridCode(), at.address(), p.name(),
            plain ? p.idNumber() : IdNumbers.mask(p.idNumber()), plain ? p.phone() : RegisterViews.maskPhone(p.phone()),
            p.birthYear(), EnumCodes.join(p.flags()).replace(',', ';'), p.chronicConditions(), p.regularMedicines(),
            plain ? p.carerContact() : RegisterViews.maskDigits(p.carerContact()), p.checkInBy(),
            p.checkInEveryDays()};
      });
    }
  }



  private static String fileName(Type type) {
    return type.name().toLowerCase();
  }
}
