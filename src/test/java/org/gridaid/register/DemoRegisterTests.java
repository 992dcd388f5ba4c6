package org.gridaid.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridaid.shared.Coverage;
import org.gridaid.test.GridAidTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo register a new user finds: households in every grid, vulnerable people with plans. */
@GridAidTest
class DemoRegisterTests {

  @Autowired
  JdbcClient jdbc;
  @Autowired
  RegisterService register;

  long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  @Test
  void everyDemoGridHasHouseholdsAndItsVulnerablePeopleHaveAPlan() {
    assertThat(count("select count(*) from household where updated_by = 'demo-data'")).isEqualTo(270);
    assertThat(count("select count(distinct grid_code) from household where updated_by = 'demo-data'"))
        .isEqualTo(18);
    assertThat(count("select count(*) from person where flags like '%ELDERLY_ALONE%' and check_in_every_days = 1"
        + " and updated_by = 'demo-data'"))
        .isGreaterThan(10);
    assertThat(count("select count(*) from person where flags <> '' and check_in_by is null"
        + " and updated_by = 'demo-data'")).isZero();
    assertThat(register.persons(Coverage.EVERYWHERE, "JH-LL-ZF-02", Vulnerability.CHRONIC_ILLNESS, null, null, false, 0, 5).items())
        .allSatisfy(p -> assertThat(p.regularMedicines()).isNotBlank());
  }
}
