package io.github.nixml.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import io.github.nixml.lock.Today;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The import table of docs/ARCHITECTURE.md, checked on the compiled main classes. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.github.nixml");
  }

  @Test
  void frontEndAndModelNeverSeeTheValidator() {
    noClasses().that().resideInAnyPackage("io.github.nixml.nix..", "io.github.nixml.model..")
        .should().dependOnClassesThat().resideInAnyPackage("io.github.nixml.validate..", "io.github.nixml.report..",
            "io.github.nixml.maven..", "io.github.nixml.lock..", "io.github.nixml.cli..")
        .check(classes);
  }

  @Test
  void fixesAreValuesBelowTheValidator() {
    noClasses().that().resideInAPackage("io.github.nixml.fix..")
        .should().dependOnClassesThat().resideInAnyPackage("io.github.nixml.validate..", "io.github.nixml.report..",
            "io.github.nixml.run..", "io.github.nixml.maven..", "io.github.nixml.cli..")
        .check(classes);
  }

  @Test
  void syntaxDependsOnTheJdkOnly() {
    ArchRuleDefinition.classes().that().resideInAPackage("io.github.nixml.nix.syntax..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("io.github.nixml.nix.syntax..", "java..")
        .check(classes);
  }

  @Test
  void theEvaluatorKnowsNoNixpkgs() {
    noClasses().that().resideInAPackage("io.github.nixml.nix..")
        .should().dependOnClassesThat().resideInAPackage("io.github.nixml.model..")
        .check(classes);
  }

  @Test
  void lockStandsAlone() {
    ArchRuleDefinition.classes().that().resideInAPackage("io.github.nixml.lock..")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("io.github.nixml.lock..", "java..", "com.fasterxml.jackson..")
        .check(classes);
  }

  @Test
  void onlyTheMojosImportMaven() {
    noClasses().that().resideOutsideOfPackage("io.github.nixml.maven..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..")
        .check(classes);
    noClasses().that().resideOutsideOfPackage("io.github.nixml.cli..")
        .should().dependOnClassesThat().resideInAPackage("picocli..")
        .check(classes);
  }

  @Test
  void theValidatorCoreDoesNotReachUp() {
    noClasses().that().resideInAPackage("io.github.nixml.validate..")
        .should().dependOnClassesThat().resideInAnyPackage("io.github.nixml.report..", "io.github.nixml.maven..",
            "io.github.nixml.cli..")
        .check(classes);
  }

  @Test
  void theSharedRunKnowsNeitherMavenNorTheCommandLine() {
    noClasses().that().resideInAnyPackage("io.github.nixml.run..", "io.github.nixml.report..")
        .should().dependOnClassesThat().resideInAnyPackage("io.github.nixml.maven..", "io.github.nixml.cli..")
        .check(classes);
  }

  @Test
  void theDoctorReadsFactsAndReportsButNoRuleOrFrontEnd() {
    noClasses().that().resideInAPackage("io.github.nixml.doctor..")
        .should().dependOnClassesThat().resideInAnyPackage("io.github.nixml.maven..", "io.github.nixml.cli..",
            "io.github.nixml.run..", "io.github.nixml.validate.rules..", "io.github.nixml.nix..",
            "io.github.nixml.fix..")
        .check(classes);
  }

  @Test
  void onlyTodayReadsTheClock() {
    // One place reads the date, so one pin (nixml.today) reaches every date-dependent answer.
    Set<String> clockTypes = Set.of(LocalDate.class.getName(), LocalDateTime.class.getName(),
        ZonedDateTime.class.getName(), OffsetDateTime.class.getName(), Instant.class.getName(),
        YearMonth.class.getName(), Year.class.getName());
    DescribedPredicate<JavaMethodCall> readsTheClock = DescribedPredicate.describe("read the system clock",
        call -> clockTypes.contains(call.getTargetOwner().getName()) && call.getName().equals("now")
            || call.getTargetOwner().isEquivalentTo(Clock.class) && call.getName().startsWith("system")
            || call.getTargetOwner().isEquivalentTo(System.class) && call.getName().equals("currentTimeMillis"));
    noClasses().that().doNotBelongToAnyOf(Today.class)
        .should().callMethodWhere(readsTheClock)
        .check(classes);
  }

  @Test
  void tomlIsParsedAtOneEntryPoint() {
    // TomlDocument refuses nesting that would overflow tomlj's stack; a second caller would bypass that.
    noClasses().that().doNotHaveFullyQualifiedName("io.github.nixml.toml.TomlDocument")
        .should().dependOnClassesThat().haveFullyQualifiedName("org.tomlj.Toml")
        .check(classes);
  }

  @Test
  void yamlIsParsedAtOneEntryPoint() {
    // DevenvYaml bounds aliases and nesting before SnakeYAML builds anything; a second caller would bypass that.
    noClasses().that().doNotHaveFullyQualifiedName("io.github.nixml.validate.facts.DevenvYaml")
        .should().dependOnClassesThat().resideInAPackage("org.yaml.snakeyaml..")
        .check(classes);
  }

  @Test
  void ruleAreasDoNotUseEachOthersInternals() {
    // An area may extend the shared dev-shell base class; nothing else crosses areas (shared facts live in
    // validate.facts).
    slices().matching("io.github.nixml.validate.rules.(*)..").should().notDependOnEachOther()
        .ignoreDependency(DescribedPredicate.alwaysTrue(), DescribedPredicate.describe("the shared DevShellRule base",
            clazz -> clazz.getName().equals("io.github.nixml.validate.rules.shell.DevShellRule")))
        .check(classes);
    noClasses().that().resideInAPackage("io.github.nixml.validate.facts..")
        .should().dependOnClassesThat().resideInAPackage("io.github.nixml.validate.rules..")
        .check(classes);
  }
}
