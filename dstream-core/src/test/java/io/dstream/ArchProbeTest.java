package io.dstream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.Test;

class ArchProbeTest {
  @Test
  void probe() {
    JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.dstream");
    System.out.println("CLASSES " + classes.size());
    try {
      SlicesRuleDefinition.slices().matching("io.dstream.(**)").should().beFreeOfCycles().check(classes);
    } catch (AssertionError e) {
      String m = e.getMessage();
      System.out.println(m.lines().filter(l -> l.startsWith("Cycle") || l.startsWith("                Slice")).collect(java.util.stream.Collectors.joining("\n")));
    }
  }
}
