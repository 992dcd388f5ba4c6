package org.gridaid.supplies;

import jakarta.validation.Validator;
import java.util.List;
import java.util.Optional;
import org.gridaid.shared.validation.EnumCodeValidator;
import org.gridaid.shared.validation.FormCheck;
import org.gridaid.shared.web.ConflictException;
import org.gridaid.shared.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The items the ledger keeps, for every module: what an item is called and counted in, and how
 * it must be handled (the medicine flow asks whether a prescription is needed and whether it
 * travels cold). Items are added, never changed or removed: movements refer to them.
 */
@Service
public class SupplyItems {

  private final JdbcClient jdbc;
  private final Validator validator;
  private final Savepoints savepoints;
  private final CatalogCache<SupplyItem> cache;

  SupplyItems(JdbcClient jdbc, Validator validator, Savepoints savepoints) {
    this.jdbc = jdbc;
    this.validator = validator;
    this.savepoints = savepoints;
    this.cache = new CatalogCache<>(() -> jdbc.sql("select * from supply_item order by category, code")
        .query((rs, row) -> new SupplyItem(rs.getString("code"), rs.getString("name"), rs.getString("unit"),
            ItemCategory.valueOf(rs.getString("category")), rs.getBoolean("cold_chain"),
            rs.getBoolean("prescription_only")))
        .list(), SupplyItem::code);
  }

  public Optional<SupplyItem> find(String code) {
    return Optional.ofNullable(cache.find(code));
  }

  /** The item; 404 for a code nobody added. */
  public SupplyItem get(String code) {
    return find(code).orElseThrow(() -> new NotFoundException("Supply item", code));
  }

  /** Every item, by category and code. */
  public List<SupplyItem> all() {
    return cache.all();
  }

  /** Whether the item is handed out only on a prescription checked by medical staff. */
  public boolean prescriptionOnly(String code) {
    return get(code).prescriptionOnly();
  }

  /** Whether the item is kept and carried cold. */
  public boolean coldChain(String code) {
    return get(code).coldChain();
  }

  @Transactional
  SupplyItem create(NewSupplyItem form, String actor) {
    FormCheck.of(validator, form).orThrow();
    if (find(form.code()).isPresent()) {
      throw new ConflictException("Supply item '" + form.code() + "' already exists");
    }
    SupplyItem item = new SupplyItem(form.code(), form.name(), form.unit(),
        EnumCodeValidator.find(ItemCategory.class, form.category()), Boolean.TRUE.equals(form.coldChain()),
        Boolean.TRUE.equals(form.prescriptionOnly()));
    insert(item, actor);
    return item;
  }

  /** Adds the item unless one with its code is there already (another node's demo data). */
  boolean createIfAbsent(SupplyItem item, String actor) {
    return savepoints.insertIfAbsent(() -> insert(item, actor));
  }

  private void insert(SupplyItem item, String actor) {
    jdbc.sql("""
            insert into supply_item (code, name, unit, category, cold_chain, prescription_only, created_by)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(item.code(), item.name(), item.unit(), item.category().name(), item.coldChain(),
            item.prescriptionOnly(), actor)
        .update();
    cache.invalidate();
  }
}
