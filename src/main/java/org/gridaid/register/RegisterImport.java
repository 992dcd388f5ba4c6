package org.gridaid.register;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.gridaid.register.RegisterForms.HouseholdForm;
import org.gridaid.register.RegisterForms.PersonForm;
import org.gridaid.shared.Coverage;
import org.gridaid.shared.Texts;
import org.gridaid.shared.web.CsvDownload;
import org.gridaid.shared.web.InvalidInputException;
import org.gridaid.shared.web.SpreadsheetCells;
import org.gridaid.shared.web.Problems.FieldError;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CSV import of households or persons, with English or Chinese headers. Good rows go in, bad
 * rows are reported by number (the header is row 1; blank lines count, as in a spreadsheet)
 * and reason, and importing the same file again changes nothing; with {@code atomic} one bad
 * row keeps the whole file out.
 */
@Service
class RegisterImport {

  enum Type { HOUSEHOLDS, PERSONS }

  static final List<String> HOUSEHOLD_COLUMNS = List.of("address", "gridCode", "minimalUnitCode", "phone", "size",
      "recipientGroup");
  static final List<String> PERSON_COLUMNS = List.of("gridCode", "address", "name", "idNumber", "phone", "birthYear",
      "flags", "chronicConditions", "regularMedicines", "carerContact", "checkInBy", "checkInEveryDays");
  /** Chinese column names, each to the field it fills; English column names are the fields. */
  static final Map<String, String> CHINESE_COLUMNS = Map.ofEntries(Map.entry("地址", "address"),
      Map.entry("网格编码", "gridCode"), Map.entry("最小单元编码", "minimalUnitCode"), Map.entry("电话", "phone"),
      Map.entry("户人数", "size"), Map.entry("救助类别", "recipientGroup"), Map.entry("姓名", "name"),
      Map.entry("身份证号", "idNumber"), Map.entry("出生年份", "birthYear"), Map.entry("特殊人群", "flags"),
      Map.entry("基础疾病", "chronicConditions"), Map.entry("常用药品", "regularMedicines"),
      Map.entry("监护人联系方式", "carerContact"), Map.entry("随访人", "checkInBy"),
      Map.entry("随访间隔天数", "checkInEveryDays"));

  /** The field a column fills, or null for a column nobody knows. */
  static String field(String column) {
    String name = column.strip();
    return HOUSEHOLD_COLUMNS.contains(name) || PERSON_COLUMNS.contains(name) ? name : CHINESE_COLUMNS.get(name);
  }

  record RowError(int row, String reason) {}

  record Report(Type type, int rows, int created, int updated, int unchanged, List<RowError> errors,
      boolean applied) {}

  /**
   * RFC 4180 as spreadsheets write it (CR, LF or CRLF; quoted fields with commas, doubled
   * quotes and line breaks), read as forgivingly as people's files need: text after a closing
   * quote belongs to the field, and a quote left open runs to the end of the file.
   */
  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setTrailingData(true).setLenientEof(true).get();

  /** The byte-order mark Excel writes first in a UTF-8 file. */
  static final char BOM = CsvDownload.BOM;

  private final RegisterStore store;
  private final RegisterForms forms;
  private final TransactionTemplate transaction;
  private final TransactionTemplate savepoint;

  RegisterImport(RegisterStore store, RegisterForms forms, TransactionTemplate transaction) {
    this.store = store;
    this.forms = forms;
    this.transaction = transaction;
    this.savepoint = new TransactionTemplate(transaction.getTransactionManager());
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * {@code csv}: UTF-8 with or without a BOM, or GB18030 (GBK), as {@link CsvEncoding} tells;
   * read to the end before the import's transaction begins. {@code contentType}: the file's
   * media type as sent, with the charset it declares, if any. {@code coverage}: the grids the
   * caller may write to.
   */
  Report importCsv(InputStream csv, String contentType, Type requested, boolean atomic, String actor,
      Coverage coverage) throws IOException {
    Type type;
    List<Row> filled = new ArrayList<>();
    CsvEncoding.Text text = CsvEncoding.text(csv, contentType);
    try (CSVParser parser = CSV.parse(text.reader())) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        throw new InvalidInputException("file", "is empty: the first line must name the columns");
      }
      List<String> columns = records.next().toList();
      List<String> header = columns.stream().map(RegisterImport::field).toList();
      List<String> unknown = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        if (header.get(i) == null && !columns.get(i).isBlank()) {
          unknown.add(columns.get(i).strip());
        }
      }
      if (!unknown.isEmpty()) {
        throw new InvalidInputException("file", "unknown columns " + unknown + "; known: the English names "
            + HOUSEHOLD_COLUMNS + " / " + PERSON_COLUMNS + " or the Chinese " + CHINESE_COLUMNS.keySet());
      }
      type = requested != null ? requested : header.contains("name") ? Type.PERSONS : Type.HOUSEHOLDS;
      while (records.hasNext()) {
        CSVRecord record = records.next();
        if (!record.stream().allMatch(String::isBlank)) {
          filled.add(new Row(Math.toIntExact(record.getRecordNumber()), values(header, record)));
        }
      }
    } catch (UncheckedIOException e) {
      throw unreadable(e.getCause(), text);
    } catch (CsvEncoding.MalformedLine e) {
      throw unreadable(e, text);
    }
    Importer importer = new Importer(type, actor, coverage);
    Report report = transaction.execute(status -> {
      if (type == Type.HOUSEHOLDS) {
        importer.households(filled);
      } else {
        importer.persons(filled);
      }
      boolean applied = !atomic || importer.errors.isEmpty();
      if (!applied) {
        status.setRollbackOnly();
      }
      return importer.report(filled.size(), applied);
    });
    if (Objects.requireNonNull(report).created() + report.updated() >= BIG_CHANGE) {
      store.refreshStatistics();
    }
    return report;
  }

  /**
   * The first 64 KB were of one character set, a later line is not: the file is refused, as
   * nothing of it would be read right. Other read failures go on as they are.
   */
  private static IOException unreadable(IOException e, CsvEncoding.Text text) {
    if (e instanceof CsvEncoding.MalformedLine malformed) {
      throw new InvalidInputException("file", "is not " + text.charset().name() + " text from line "
          + malformed.line() + " on: save the whole file in one character set, \"CSV UTF-8\" or GB18030 (GBK)");
    }
    return e;
  }

  /**
   * A line of the file: its number (the header is 1) and its values by field. Numbers are read
   * as the forms want them; a value that is not one is remembered as the field's fault.
   */
  private record Row(int number, Map<String, String> values, List<FieldError> unreadable) {

    Row(int number, Map<String, String> values) {
      this(number, values, new ArrayList<>());
    }

    String text(String field) {
      return values.get(field);
    }

    Integer whole(String field) {
      String text = Texts.trimmed(values.get(field));
      if (text == null) {
        return null;
      }
      try {
        return Integer.valueOf(text);
      } catch (NumberFormatException e) {
        unreadable.add(new FieldError(field, "must be a whole number"));
        return null;
      }
    }
  }

  private static Map<String, String> values(List<String> header, CSVRecord record) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < header.size() && i < record.size(); i++) {
      if (header.get(i) != null) {
        values.put(header.get(i), SpreadsheetCells.asEntered(record.get(i)));
      }
    }
    return values;
  }

  /** A row checked on its own: what it describes, or why it was refused. */
  private record Checked<T>(Row row, T value, InvalidInputException refused) {}

  private enum Change { CREATED, UPDATED, UNCHANGED }

  /**
   * A row that passed its checks, and what it does to the register; {@code held}: a person
   * whose ID number is held for review ({@link RegisterService#createPerson}).
   */
  private record Planned<T>(int row, T value, Change change, boolean held) {

    Planned(int row, T value, Change change) {
      this(row, value, change, false);
    }
  }

  /** After this many rows changed, the database's planner statistics are refreshed. */
  private static final int BIG_CHANGE = 1_000;

  /** Rows are written this many at a time, in one JDBC batch each. */
  private static final int BATCH = 500;

  /**
   * One file's worth of rows. Every row is checked and matched against the register first
   * (a few queries for the whole file), then the changes are written in batches.
   */
  private final class Importer {
    final Type type;
    final String actor;
    final Coverage coverage;
    final Map<String, Integer> seen = new HashMap<>();
    final List<RowError> errors = new ArrayList<>();
    final Map<Change, Integer> counts = new EnumMap<>(Change.class);

    Importer(Type type, String actor, Coverage coverage) {
      this.type = type;
      this.actor = actor;
      this.coverage = coverage;
    }

    void households(List<Row> rows) {
      Map<Integer, Household> parsed = new LinkedHashMap<>();
      checkEach(rows, row -> {
        Household household = forms.household(0, new HouseholdForm(row.text("address"), row.text("gridCode"),
            row.text("minimalUnitCode"), row.text("phone"), row.whole("size"), row.text("recipientGroup")),
            row.unreadable());
        RegisterService.checkCovered(household.gridCode(), coverage);
        return household;
      }, (row, household) -> {
        once(household.gridCode() + "|" + household.address(), row.number());
        parsed.put(row.number(), household);
      });
      Map<String, Household> existing = new HashMap<>();
      store.allHouseholds(Coverage.of(parsed.values().stream().map(Household::gridCode).collect(Collectors.toSet())))
          .forEach(h -> existing.put(h.gridCode() + "|" + h.address(), h));
      List<Planned<Household>> planned = new ArrayList<>();
      parsed.forEach((number, household) -> {
        Household known = existing.get(household.gridCode() + "|" + household.address());
        Household changed = known == null ? household : new Household(known.id(), household.gridCode(),
            household.minimalUnitCode(), household.address(), household.phone(), household.size(),
            household.recipientGroup());
        planned.add(new Planned<>(number, changed, change(known, changed)));
      });
      write(planned, (batch, held) -> store.insertHouseholds(batch, actor),
          (batch, held) -> store.updateHouseholds(batch, actor));
    }

    void persons(List<Row> rows) {
      Map<String, Long> households = new HashMap<>();
      Set<String> grids = new HashSet<>();
      rows.forEach(row -> grids.add(Texts.trimmed(row.values().get("gridCode"))));
      grids.remove(null);
      grids.removeIf(grid -> !coverage.covers(grid));
      store.householdKeys(Coverage.of(grids)).forEach(h -> households.put(h.gridCode() + "|" + h.addressHash(),
          h.id()));

      Map<Integer, Person> parsed = new LinkedHashMap<>();
      checkEach(rows, row -> person(row, households), (row, person) -> {
        once(person.idNumber() != null ? person.idNumber() : person.householdId() + "|" + person.name(),
            row.number());
        parsed.put(row.number(), person);
      });
      // hashed on all cores too: a keyed hash per number is most of the look-up's own work
      Map<String, String> idNumbers = parsed.values().parallelStream().map(Person::idNumber)
          .filter(Objects::nonNull).collect(Collectors.toMap(store::hash, id -> id, (same, again) -> same));
      // a number registered in a grid the caller does not cover is held for review, as
      // RegisterService.createPerson holds it: the report tells nothing of the other grid
      Map<String, Person> byIdNumber = new HashMap<>();
      Set<String> elsewhere = new HashSet<>();
      store.personsByIdNumberHash(idNumbers, false, coverage).forEach(at -> {
        if (coverage.covers(at.gridCode())) {
          byIdNumber.put(at.person().idNumber(), at.person());
        } else {
          elsewhere.add(at.person().idNumber());
        }
      });
      Map<String, String> notMatched = new HashMap<>(idNumbers);
      notMatched.values().removeIf(byIdNumber::containsKey);
      Map<String, Person> heldByIdNumber = new HashMap<>();
      store.personsByIdNumberHash(notMatched, true, coverage)
          .forEach(at -> heldByIdNumber.putIfAbsent(at.person().idNumber(), at.person()));
      Map<String, Person> byName = new HashMap<>();
      store.personsWithoutIdNumber(parsed.values().stream().filter(p -> p.idNumber() == null)
          .map(Person::householdId).collect(Collectors.toSet()))
          .forEach(p -> byName.put(p.householdId() + "|" + p.name(), p));
      List<Planned<Person>> planned = new ArrayList<>();
      parsed.forEach((number, person) -> {
        String idNumber = person.idNumber();
        Person known = idNumber == null ? byName.get(person.householdId() + "|" + person.name())
            : byIdNumber.getOrDefault(idNumber, heldByIdNumber.get(idNumber));
        boolean held = idNumber != null && !byIdNumber.containsKey(idNumber)
            && (heldByIdNumber.containsKey(idNumber) || elsewhere.contains(idNumber));
        Person changed = known == null ? person : new Person(known.id(), person.householdId(), person.name(),
            person.idNumber(), person.phone(), person.birthYear(), person.flags(), person.chronicConditions(),
            person.regularMedicines(), person.carerContact(), person.checkInBy(), person.checkInEveryDays());
        planned.add(new Planned<>(number, changed, change(known, changed), held));
      });
      write(planned, (batch, held) -> store.insertPersons(batch, actor, held),
          (batch, held) -> store.updatePersons(batch, actor, held));
    }

    private Person person(Row row, Map<String, Long> households) {
      String grid = Texts.trimmed(row.text("gridCode"));
      String address = Texts.trimmed(row.text("address"));
      if (grid == null || address == null) {
        throw new InvalidInputException("gridCode", "and address of the household are required");
      }
      RegisterService.checkCovered(grid, coverage);
      Long household = households.get(grid + "|" + store.hash(address));
      if (household == null) {
        throw new InvalidInputException("address", "no household at '" + address + "' in grid " + grid
            + " (import the households first)");
      }
      String flags = row.text("flags");
      return forms.person(0, new PersonForm(household, row.text("name"), row.text("idNumber"),
          row.text("phone"), row.whole("birthYear"),
          flags == null || flags.isBlank() ? List.of() : Arrays.asList(flags.split("[;；、|]")),
          row.text("chronicConditions"), row.text("regularMedicines"), row.text("carerContact"), row.text("checkInBy"),
          row.whole("checkInEveryDays")), true, row.unreadable());
    }

    /**
     * Checks every row on its own, on all cores (these checks are the import's own work, and
     * the database waits meanwhile), then hands the good ones in file order to {@code accept},
     * which may still refuse one (a repeat of an earlier row).
     */
    private <T> void checkEach(List<Row> rows, Function<Row, T> check, BiConsumer<Row, T> accept) {
      List<Checked<T>> results = rows.parallelStream().map(row -> {
        try {
          return new Checked<>(row, check.apply(row), null);
        } catch (InvalidInputException e) {
          return new Checked<T>(row, null, e);
        }
      }).toList();
      for (Checked<T> result : results) {
        InvalidInputException refused = result.refused();
        if (refused == null) {
          try {
            accept.accept(result.row(), result.value());
          } catch (InvalidInputException e) {
            refused = e;
          }
        }
        if (refused != null) {
          errors.add(new RowError(result.row().number(), refused.getMessage()));
        }
      }
    }

    private static <T> Change change(T known, T changed) {
      return known == null ? Change.CREATED : known.equals(changed) ? Change.UNCHANGED : Change.UPDATED;
    }

    /**
     * Writes the planned changes in batches, each in a savepoint. A batch the database refuses
     * (somebody changed the same rows meanwhile) is written again row by row, so only the
     * refused rows are reported and the others still go in.
     */
    private <T> void write(List<Planned<T>> planned, BiConsumer<List<T>, Boolean> insert,
        BiConsumer<List<T>, Boolean> update) {
      for (int from = 0; from < planned.size(); from += BATCH) {
        List<Planned<T>> batch = planned.subList(from, Math.min(planned.size(), from + BATCH));
        try {
          savepoint.executeWithoutResult(s -> apply(batch, insert, update));
          batch.forEach(p -> counts.merge(p.change(), 1, Integer::sum));
        } catch (RuntimeException refused) {
          for (Planned<T> one : batch) {
            try {
              savepoint.executeWithoutResult(s -> apply(List.of(one), insert, update));
              counts.merge(one.change(), 1, Integer::sum);
            } catch (RuntimeException e) {
              errors.add(new RowError(one.row(), e instanceof DuplicateKeyException
                  ? "was added by somebody else during this import: import the file again to compare"
                  : "could not be stored: " + e.getClass().getSimpleName()));
            }
          }
        }
      }
    }

    private <T> void apply(List<Planned<T>> batch, BiConsumer<List<T>, Boolean> insert,
        BiConsumer<List<T>, Boolean> update) {
      for (boolean held : new boolean[] {false, true}) {
        List<T> inserts = batch.stream().filter(p -> p.held() == held && p.change() == Change.CREATED)
            .map(Planned::value).toList();
        List<T> updates = batch.stream().filter(p -> p.held() == held && p.change() == Change.UPDATED)
            .map(Planned::value).toList();
        if (!inserts.isEmpty()) {
          insert.accept(inserts, held);
        }
        if (!updates.isEmpty()) {
          update.accept(updates, held);
        }
      }
    }

    /** The same household or person twice in one file is a mistake to point at, not to guess. */
    private void once(String key, int number) {
      Integer first = seen.putIfAbsent(key, number);
      if (first != null) {
        throw new InvalidInputException("row", "repeats row " + first);
      }
    }

    Report report(int rows, boolean applied) {
      List<RowError> byRow = errors.stream().sorted(Comparator.comparingInt(RowError::row)).toList();
      return applied ? new Report(type, rows, counts.getOrDefault(Change.CREATED, 0),
          counts.getOrDefault(Change.UPDATED, 0), counts.getOrDefault(Change.UNCHANGED, 0), byRow, true)
          : new Report(type, rows, 0, 0, 0, byRow, false);
    }
  }
}
