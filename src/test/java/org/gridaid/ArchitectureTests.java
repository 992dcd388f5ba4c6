package org.gridaid;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.web.bind.annotation.RestController;

/**
 * The rules of the module shape (docs/architecture.md) that the compiler does not keep: see
 * also {@link ModularityTests} for "modules use each other only through their API".
 */
@AnalyzeClasses(packages = "org.gridaid", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  /** The engine's internals change between Camunda versions: one package adapts to them. */
  @ArchTest
  static final ArchRule engineInternalsOnlyInSharedEngine = noClasses()
      .that().resideOutsideOfPackage("org.gridaid.shared.engine..")
      .should().dependOnClassesThat().resideInAPackage("org.camunda..impl..")
      .because("engine internals are adapted in shared.engine only");

  /** A controller checks who may do what and calls its module's command service, which drives the engine. */
  @ArchTest
  static final ArchRule controllersDoNotDriveTheEngine = noClasses()
      .that().areAnnotatedWith(RestController.class)
      .should().dependOnClassesThat().areAssignableTo(RuntimeService.class)
      .orShould().dependOnClassesThat().areAssignableTo(TaskService.class)
      .orShould().dependOnClassesThat().areAssignableTo(ManagementService.class)
      .orShould().dependOnClassesThat().areAssignableTo(IdentityService.class)
      .because("a command service owns the transaction of the case change and the engine call");

  /** Dependencies between modules go one way; answers come back through events or the asker's API. */
  @ArchTest
  static final ArchRule modulesDoNotDependOnEachOtherInCircles = slices().matching("org.gridaid.(*)..")
      .should().beFreeOfCycles();

  /** One cipher, one data key: every module encrypts personal data the same way. */
  @ArchTest
  static final ArchRule onlyTheSharedCipherEncrypts = noClasses()
      .that().resideOutsideOfPackage("org.gridaid.shared..")
      .should().dependOnClassesThat().resideInAPackage("javax.crypto..")
      .because("personal data is encrypted with the one shared cipher and data key");
}
