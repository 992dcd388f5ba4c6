package org.gridaid;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GridAidApplication {

  public static void main(String[] args) {
    SpringApplication.run(GridAidApplication.class, args);
  }
}
