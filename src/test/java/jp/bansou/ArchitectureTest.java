package jp.bansou;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.bansou.engine.Var;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Repository;

/**
 * The architecture, checked: packages by capability with one-way dependencies, delegates that keep
 * to their own capability's tables, one clock, one declaration per process variable, and a config
 * package that only wires.
 */
class ArchitectureTest {

  static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("jp.bansou");

  @Test
  void packagesHaveNoCycles() {
    slices().matching("jp.bansou.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void stepsOfAModelUseOnlyTheirOwnCapabilitysTables() {
    classes()
        .that()
        .implement(JavaDelegate.class)
        .or()
        .implement(TaskListener.class)
        .or()
        .implement(ExecutionListener.class)
        .should(notUseRepositoriesOfOtherPackages())
        .check(MAIN);
  }

  @Test
  void nowComesFromTheInjectedClock() {
    noClasses()
        .that()
        .doNotHaveSimpleName("EngineClock")
        // the demo walks fictional cases through the past, before the job executor starts
        .and()
        .doNotHaveSimpleName("DemoCases")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.camunda.bpm.engine.impl.util.ClockUtil")
        .check(MAIN);
    noClasses()
        .should()
        .callMethod(java.time.LocalDate.class, "now")
        .orShould()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .check(MAIN);
  }

  /**
   * The readers of a whole table that grows with every case are for tests: a request path reading a
   * million closed cases into memory is what issue 21 measured away.
   */
  @Test
  void wholeTablesAreReadByTestsOnly() {
    noClasses()
        .should()
        .callMethod(jp.bansou.casefile.CaseSummaries.class, "all")
        .orShould()
        .callMethod(jp.bansou.accompaniment.VisitOutcomes.class, "all")
        .orShould()
        .callMethod(jp.bansou.statistics.FormStatistics.class, "byCase")
        .check(MAIN);
  }

  @Test
  void configOnlyWires() {
    noClasses()
        .that()
        .resideOutsideOfPackage("jp.bansou.config..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("jp.bansou.config..")
        .check(MAIN);
  }

  @Test
  void eachProcessVariableIsDeclaredOnce() throws Exception {
    Map<String, List<String>> declarations = new HashMap<>();
    for (JavaClass type : MAIN) {
      for (JavaField field : type.getFields()) {
        if (field.getModifiers().contains(JavaModifier.STATIC)
            && field.getRawType().isEquivalentTo(Var.class)) {
          var reflected = field.reflect();
          reflected.setAccessible(true);
          String name = ((Var<?>) reflected.get(null)).name();
          declarations
              .computeIfAbsent(name, n -> new ArrayList<>())
              .add(type.getSimpleName() + "." + field.getName());
        }
      }
    }
    assertThat(declarations).containsKey("caseNumber").hasSizeGreaterThan(50);
    assertThat(declarations).allSatisfy((name, places) -> assertThat(places).as(name).hasSize(1));
  }

  private static ArchCondition<JavaClass> notUseRepositoriesOfOtherPackages() {
    return new ArchCondition<>("use only the repositories of their own package") {
      @Override
      public void check(JavaClass step, ConditionEvents events) {
        for (Dependency dependency : step.getDirectDependenciesFromSelf()) {
          JavaClass target = dependency.getTargetClass();
          if (target.isAnnotatedWith(Repository.class)
              && !target.getPackageName().equals(step.getPackageName())) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }
}
