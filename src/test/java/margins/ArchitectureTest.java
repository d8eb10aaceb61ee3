package margins;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rules, read from the compiled classes: data flows one way, archive to network and training to the model,
 * then to the tasks that explore it, then to reports and commands. A package imports only packages of a lower rank.
 */
class ArchitectureTest {

  /** Each package's rank; packages of one rank do not import each other. docs/architecture.md draws it. */
  static final Map<String, Integer> RANK = Map.ofEntries(
      Map.entry("margins", 0),
      Map.entry("margins.math", 1), Map.entry("margins.image", 1), Map.entry("margins.engine", 1),
      Map.entry("margins.archive", 2), Map.entry("margins.measure", 2),
      Map.entry("margins.network", 3),
      Map.entry("margins.train", 4),
      Map.entry("margins.model", 5),
      Map.entry("margins.recipe", 6),
      Map.entry("margins.bend", 7),
      Map.entry("margins.sample", 8), Map.entry("margins.walk", 8),
      Map.entry("margins.report", 9), Map.entry("margins.redo", 9), Map.entry("margins.store", 9),
      Map.entry("margins.bench", 10), Map.entry("margins.demo", 10), Map.entry("margins.studio", 10),
      Map.entry("margins.cli", 11));

  static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("margins");

  @Test
  void everyPackageHasARank() {
    Set<String> packages = new TreeSet<>();
    MAIN.forEach(c -> packages.add(c.getPackageName()));
    packages.removeAll(RANK.keySet());
    assertTrue(packages.isEmpty(), "packages without a place in the layout (add them to RANK and to"
        + " docs/architecture.md): " + packages);
  }

  @Test
  void aPackageImportsOnlyPackagesOfALowerRank() {
    for (var e : RANK.entrySet()) {
      String[] notBelow = RANK.entrySet().stream()
          .filter(o -> o.getValue() >= e.getValue() && !o.getKey().equals(e.getKey()))
          .map(Map.Entry::getKey).toArray(String[]::new);
      noClasses().that().resideInAPackage(e.getKey())
          .should().dependOnClassesThat().resideInAnyPackage(notBelow)
          .because(e.getKey() + " has rank " + e.getValue())
          .check(MAIN);
    }
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("margins.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void everyPackageSaysWhatLivesThereAndWhatItMayImport() throws IOException {
    List<String> missing = new ArrayList<>();
    try (Stream<Path> dirs = Files.walk(Path.of("src/main/java/margins"))) {
      for (Path d : dirs.filter(Files::isDirectory).toList()) {
        Path info = d.resolve("package-info.java");
        if (!Files.exists(info) || !Files.readString(info).contains("May import")
            && !Files.readString(info).contains("Imports nothing")) {
          missing.add(d.toString());
        }
      }
    }
    assertEquals(List.of(), missing, "each package-info.java says what lives there and what it may import");
  }
}
