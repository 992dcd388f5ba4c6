package org.gridaid.register;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gridaid.organisation.AreaDirectory;
import org.gridaid.register.RegisterForms.HouseholdForm;
import org.gridaid.register.RegisterForms.PersonForm;
import org.gridaid.shared.Texts;
import org.gridaid.shared.web.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CSV import of households or persons, with English or Chinese headers. Good rows go in, bad
 * rows are reported by number (the header is row 1) and reason, and importing the same file
 * again changes nothing; with {@code atomic} one bad row keeps the whole file out.
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

  private final RegisterStore store;
  private final AreaDirectory areas;
  private final TransactionTemplate transaction;
  private final TransactionTemplate savepoint;

  RegisterImport(RegisterStore store, AreaDirectory areas, TransactionTemplate transaction) {
    this.store = store;
    this.areas = areas;
    this.transaction = transaction;
    this.savepoint = new TransactionTemplate(transaction.getTransactionManager());
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /** {@code coverage}: the grids the caller may write to, null for everywhere. */
  Report importCsv(String text, Type requested, boolean atomic, String actor, Set<String> coverage) {
    List<List<String>> rows = Csv.parse(text);
    if (rows.isEmpty()) {
      throw new InvalidInputException("file", "is empty: the first line must name the columns");
    }
    List<String> header = rows.get(0).stream().map(RegisterImport::field).toList();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i) == null && !rows.get(0).get(i).isBlank()) {
        unknown.add(rows.get(0).get(i).strip());
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidInputException("file", "unknown columns " + unknown + "; known: the English names "
          + HOUSEHOLD_COLUMNS + " / " + PERSON_COLUMNS + " or the Chinese " + CHINESE_COLUMNS.keySet());
    }
    Type type = requested != null ? requested : header.contains("name") ? Type.PERSONS : Type.HOUSEHOLDS;
    Importer importer = new Importer(type, actor, coverage);
    Report report = transaction.execute(status -> {
      for (int i = 1; i < rows.size(); i++) {
        List<String> row = rows.get(i);
        if (row.stream().allMatch(String::isBlank)) {
          continue;
        }
        importer.row(i + 1, values(header, row), status, atomic);
      }
      boolean applied = !atomic || importer.errors.isEmpty();
      if (!applied) {
        status.setRollbackOnly();
      }
      return importer.report(applied);
    });
    return Objects.requireNonNull(report);
  }

  private static Map<String, String> values(List<String> header, List<String> row) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < header.size() && i < row.size(); i++) {
      if (header.get(i) != null) {
        values.put(header.get(i), row.get(i));
      }
    }
    return values;
  }

  private enum Change { CREATED, UPDATED, UNCHANGED }

  /** One file's worth of rows, with what each did. */
  private final class Importer {
    final Type type;
    final String actor;
    final Set<String> coverage;
    final Map<String, Integer> seen = new HashMap<>();
    final List<RowError> errors = new ArrayList<>();
    int rows;
    int created;
    int updated;
    int unchanged;

    Importer(Type type, String actor, Set<String> coverage) {
      this.type = type;
      this.actor = actor;
      this.coverage = coverage;
    }

    void row(int number, Map<String, String> values, TransactionStatus file, boolean atomic) {
      rows++;
      try {
        // a savepoint per row: a row the database refuses does not take the others with it
        Change change = atomic ? apply(number, values) : savepoint.execute(s -> apply(number, values));
        switch (Objects.requireNonNull(change)) {
          case CREATED -> created++;
          case UPDATED -> updated++;
          default -> unchanged++;
        }
      } catch (InvalidInputException e) {
        errors.add(new RowError(number, e.getMessage()));
      } catch (RuntimeException e) {
        errors.add(new RowError(number, "could not be stored: " + e.getClass().getSimpleName()));
        if (atomic) {
          file.setRollbackOnly();
        }
      }
    }

    private Change apply(int number, Map<String, String> values) {
      return type == Type.HOUSEHOLDS ? household(number, values) : person(number, values);
    }

    private Change household(int number, Map<String, String> values) {
      Household parsed = new HouseholdForm(values.get("address"), values.get("gridCode"),
          values.get("minimalUnitCode"), values.get("phone"), values.get("size"), values.get("recipientGroup"))
          .check(0, areas);
      RegisterService.checkCovered(parsed.gridCode(), coverage);
      once(parsed.gridCode() + "|" + parsed.address(), number);
      Optional<Household> existing = store.householdAt(parsed.gridCode(), parsed.address());
      if (existing.isEmpty()) {
        store.insertHousehold(parsed, actor);
        return Change.CREATED;
      }
      Household changed = new Household(existing.get().id(), parsed.gridCode(), parsed.minimalUnitCode(),
          parsed.address(), parsed.phone(), parsed.size(), parsed.recipientGroup());
      if (changed.equals(existing.get())) {
        return Change.UNCHANGED;
      }
      store.updateHousehold(changed, actor);
      return Change.UPDATED;
    }

    private Change person(int number, Map<String, String> values) {
      String grid = Texts.trimmed(values.get("gridCode"));
      String address = Texts.trimmed(values.get("address"));
      if (grid == null || address == null) {
        throw new InvalidInputException("gridCode", "and address of the household are required");
      }
      RegisterService.checkCovered(grid, coverage);
      Long household = store.householdAt(grid, address).map(Household::id).orElse(null);
      if (household == null) {
        throw new InvalidInputException("address", "no household at '" + address + "' in grid " + grid
            + " (import the households first)");
      }
      String flags = values.get("flags");
      Person parsed = new PersonForm(String.valueOf(household), values.get("name"), values.get("idNumber"),
          values.get("phone"), values.get("birthYear"),
          flags == null || flags.isBlank() ? List.of() : Arrays.asList(flags.split("[;；、|]")),
          values.get("chronicConditions"), values.get("regularMedicines"), values.get("carerContact"),
          values.get("checkInBy"), values.get("checkInEveryDays")).check(0, household);
      once(parsed.idNumber() != null ? parsed.idNumber() : household + "|" + parsed.name(), number);
      Optional<Person> existing = parsed.idNumber() != null ? store.personByIdNumber(parsed.idNumber())
          : store.personNamed(household, parsed.name());
      if (existing.isEmpty()) {
        store.insertPerson(parsed, actor);
        return Change.CREATED;
      }
      Person changed = new Person(existing.get().id(), household, parsed.name(), parsed.idNumber(), parsed.phone(),
          parsed.birthYear(), parsed.flags(), parsed.chronicConditions(), parsed.regularMedicines(),
          parsed.carerContact(), parsed.checkInBy(), parsed.checkInEveryDays());
      if (changed.equals(existing.get())) {
        return Change.UNCHANGED;
      }
      store.updatePerson(changed, actor);
      return Change.UPDATED;
    }

    /** The same household or person twice in one file is a mistake to point at, not to guess. */
    private void once(String key, int number) {
      Integer first = seen.putIfAbsent(key, number);
      if (first != null) {
        throw new InvalidInputException("row", "repeats row " + first);
      }
    }

    Report report(boolean applied) {
      return applied ? new Report(type, rows, created, updated, unchanged, List.copyOf(errors), true)
          : new Report(type, rows, 0, 0, 0, List.copyOf(errors), false);
    }
  }
}
