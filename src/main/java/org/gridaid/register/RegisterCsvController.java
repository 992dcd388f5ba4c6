package org.gridaid.register;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.gridaid.register.RegisterImport.Report;
import org.gridaid.register.RegisterImport.Type;
import org.gridaid.shared.Coverage;
import org.gridaid.shared.EnumCodes;
import org.gridaid.shared.web.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Bulk import and export of the register as CSV (UTF-8, with or without BOM). */
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
  ResponseEntity<Report> importBody(@RequestBody byte[] body, @RequestParam(required = false) Type type,
      @RequestParam(defaultValue = "false") boolean atomic, Authentication caller) {
    return answer(importer.importCsv(new String(body, StandardCharsets.UTF_8), type, atomic, caller.getName(),
        access.coverage(caller)));
  }

  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Report> importFile(@RequestPart("file") MultipartFile file, @RequestParam(required = false) Type type,
      @RequestParam(defaultValue = "false") boolean atomic, Authentication caller) throws IOException {
    return answer(importer.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8), type, atomic,
        caller.getName(), access.coverage(caller)));
  }

  /** An all-or-nothing import that found bad rows changed nothing: 400 with the report. */
  private static ResponseEntity<Report> answer(Report report) {
    return report.applied() ? ResponseEntity.ok(report) : ResponseEntity.badRequest().body(report);
  }

  /**
   * The households or persons of the grids the caller covers, phones and ID numbers masked;
   * the grid staff of a grid may export theirs unmasked with a reason, which is recorded.
   */
  @GetMapping("/export")
  ResponseEntity<String> export(@RequestParam(defaultValue = "HOUSEHOLDS") Type type,
      @RequestParam(required = false) String gridCode, @RequestParam(defaultValue = "false") boolean reveal,
      @RequestParam(required = false) String reason, Authentication caller) {
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
    StringBuilder csv = new StringBuilder().append(Csv.BOM);
    if (type == Type.HOUSEHOLDS) {
      csv.append(Csv.line(RegisterImport.HOUSEHOLD_COLUMNS));
      for (Household h : store.allHouseholds(grids)) {
        csv.append(Csv.line(Arrays.asList(h.address(), h.gridCode(), h.minimalUnitCode(),
            unmasked ? h.phone() : RegisterViews.maskPhone(h.phone()), String.valueOf(h.size()),
            h.recipientGroup().name())));
      }
    } else {
      csv.append(Csv.line(RegisterImport.PERSON_COLUMNS));
      for (var at : store.allPersons(grids)) {
        Person p = at.person();
        csv.append(Csv.line(Arrays.asList(at.gridCode(), at.address(), p.name(),
            unmasked ? p.idNumber() : IdNumbers.mask(p.idNumber()),
            unmasked ? p.phone() : RegisterViews.maskPhone(p.phone()),
            p.birthYear() == null ? "" : p.birthYear().toString(), EnumCodes.join(p.flags()).replace(',', ';'),
            p.chronicConditions(), p.regularMedicines(),
            unmasked ? p.carerContact() : RegisterViews.maskDigits(p.carerContact()), p.checkInBy(),
            p.checkInEveryDays() == null ? "" : p.checkInEveryDays().toString())));
      }
    }
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + type.name().toLowerCase() + ".csv\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(csv.toString());
  }
}
