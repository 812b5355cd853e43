package io.dstream.examples;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the repository's {@code ARCHITECTURE.md} that the compiler does not keep, checked on the
 * main classes of every library module: it lives in dstream-examples because that module depends on all of them
 * (add a new module's dependency there, and its public packages below). Maven keeps the module layering
 * itself: a module cannot name a class of a module above it.
 */
class ArchitectureTest {
  /** The packages users import. */
  private static final String[] PUBLIC_PACKAGES = {
      "io.dstream", "io.dstream.rdd", "io.dstream.function", "io.dstream.scheduler", "io.dstream.testing",
      "io.dstream.receiver", "io.dstream.storage", "io.dstream.checkpoint.fs", "io.dstream.checkpoint.serializer",
      "io.dstream.kafka", "io.dstream.kafka.testing", "io.dstream.ui.metrics", "io.dstream.ml", "io.dstream.ml.linalg",
      "io.dstream.ml.clustering", "io.dstream.ml.regression", "io.dstream.ml.classification", "io.dstream.sql",
      "io.dstream.sql.types"};

  /** The packages of test kits that users may use in their tests: only there may test support live. */
  private static final String[] TEST_KIT_PACKAGES = {"io.dstream.testing", "io.dstream.kafka.testing"};

  private static JavaClasses mainClasses;

  @BeforeAll
  static void importMainClasses() {
    mainClasses = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        // In `mvn verify` the modules' test-jars are jars, which DO_NOT_INCLUDE_TESTS does not recognise.
        .withImportOption(location -> !location.contains("-tests.jar"))
        .importPackages("io.dstream")
        .that(DescribedPredicate.describe("are not the examples", (JavaClass c) ->
            !c.getPackageName().startsWith("io.dstream.examples")));
  }

  @Test
  void theRulesSeeTheClassesOfEveryLibraryModule() {
    assertThat(List.of("io.dstream.checkpoint.fs.FileSystems", "io.dstream.receiver.Receiver",
        "io.dstream.StreamingContext", "io.dstream.kafka.KafkaUtils", "io.dstream.kafka.testing.EmbeddedKafka",
        "io.dstream.ui.internal.StatusPageExtension", "io.dstream.ml.clustering.StreamingKMeans", "io.dstream.sql.SqlSession"))
        .allMatch(mainClasses::contain);
    assertThat(mainClasses.stream().map(JavaClass::getPackageName))
        .noneMatch(name -> name.startsWith("io.dstream.examples"));
  }

  @Test
  void aUserNeverHasToNameAnInternalType() {
    codeUnits().that(areVisibleToUsers()).should(haveNoInternalTypeInTheirSignature())
        .because("users import only the public packages; an internal type in a public signature forces them not to")
        .check(mainClasses);
    fields().that(areVisibleToUsers()).should(haveNoInternalTypeInTheirSignature())
        .check(mainClasses);
  }

  @Test
  void theInternalPackagesOfEachModuleHaveNoCycles() {
    slices().matching("io.dstream.internal.(*)..").namingSlices("core's internal.$1")
        .should().beFreeOfCycles().check(mainClasses);
    slices().matching("io.dstream.checkpoint.internal.(*)..").namingSlices("checkpoint's internal.$1")
        .should().beFreeOfCycles().check(mainClasses);
    slices().matching("io.dstream.(*).internal..").namingSlices("$1.internal")
        .should().beFreeOfCycles().check(mainClasses);
  }

  @Test
  void theRddEngineKnowsNothingOfStreamsSchedulingOrReceivers() {
    noClasses().that().resideInAPackage("io.dstream.internal.rdd..")
        .should().dependOnClassesThat().resideInAnyPackage("io.dstream.internal.stream..",
            "io.dstream.internal.scheduler..", "io.dstream.internal.receiver..", "io.dstream.internal.checkpoint..",
            "io.dstream.internal.state..")
        .because("an RDD is a batch computation; streams are built on it, not the other way round")
        .check(mainClasses);
  }

  @Test
  void theRuntimeComposesTheEnginePackagesWhichDoNotReachBackIntoIt() {
    noClasses().that().resideInAPackage("io.dstream.internal.(*)..")
        .should().dependOnClassesThat().resideInAPackage("io.dstream.internal")
        .because("io.dstream.internal holds the runtime that wires the engine's packages together")
        .check(mainClasses);
  }

  @Test
  void streamsKnowNothingOfTheScheduler() {
    noClasses().that().resideInAPackage("io.dstream.internal.stream..")
        .should().dependOnClassesThat().resideInAPackage("io.dstream.internal.scheduler..")
        .because("the graph makes a batch's jobs; the scheduler runs them and calls the graph, never the reverse")
        .check(mainClasses);
  }

  @Test
  void modulesBuiltOnCoreUseOnlyItsStreamAndRddSeams() {
    // A state's keys and states travel between core and a changelog in plain arrays: StateSnapshot.Partition and
    // StateChanges.
    DescribedPredicate<JavaClass> coresOwn = resideInAnyPackage("io.dstream.internal.scheduler..",
        "io.dstream.internal.receiver..", "io.dstream.internal.checkpoint..", "io.dstream.internal.state..",
        "io.dstream.internal.output..", "io.dstream.internal.durable..")
        .and(not(nameStartingWith("io.dstream.internal.state.StateSnapshot")))
        .and(not(nameStartingWith("io.dstream.internal.state.StateChanges")));
    noClasses().that().resideInAPackage("io.dstream.kafka..")
        .should().dependOnClassesThat(coresOwn)
        .because("a module on core builds its streams through ContextAccess, internal.stream, internal.rdd, "
            + "internal.backpressure and internal.scaleout; scheduling, receivers, checkpoints and state are "
            + "core's own")
        .check(mainClasses);
  }

  @Test
  void theStatusPageReadsTheRuntimeOnlyThroughItsMonitoringSeams() {
    // Started as a RuntimeExtension, it reads listener events (public), RuntimeStatus, and the runtime only to
    // reach these and publish its URL.
    Set<String> seamNames = Set.of("io.dstream.internal.ContextAccess", "io.dstream.internal.RuntimeExtension",
        "io.dstream.internal.StreamingRuntime", "io.dstream.internal.RuntimeStatus",
        "io.dstream.internal.ContextResources");
    DescribedPredicate<JavaClass> seams = DescribedPredicate.describe(
        "ContextAccess, RuntimeExtension, StreamingRuntime, RuntimeStatus (with its records) or ContextResources",
        (JavaClass c) -> seamNames.contains(c.getName().replaceFirst("\\$.*", "")));
    noClasses().that().resideInAPackage("io.dstream.ui..")
        .should().dependOnClassesThat(resideInAnyPackage("io.dstream.internal..").and(not(seams)))
        .because("dstream-ui monitors a context through RuntimeExtension, RuntimeStatus and StreamingRuntime's "
            + "uiWebUrl; the engine's packages are core's own")
        .check(mainClasses);
  }

  @Test
  void theMachineLearningModuleUsesOnlyTheSeamsOfItsTrainingStream() {
    // It learns through the public stream and RDD API; its one stream node (the training stream, whose model is
    // snapshotted with the checkpoint) extends StreamNode, whose compute returns an RddNode.
    Set<String> seamNames = Set.of("io.dstream.internal.ContextAccess", "io.dstream.internal.StreamingRuntime",
        "io.dstream.internal.rdd.RddNode", "io.dstream.internal.rdd.RddAccess");
    DescribedPredicate<JavaClass> seams = DescribedPredicate.describe(
        "ContextAccess, StreamingRuntime, internal.stream, or RddNode and RddAccess",
        (JavaClass c) -> seamNames.contains(c.getName().replaceFirst("\\$.*", ""))
            || c.getPackageName().equals("io.dstream.internal.stream"));
    noClasses().that().resideInAPackage("io.dstream.ml..")
        .should().dependOnClassesThat(resideInAnyPackage("io.dstream.internal..", "io.dstream.checkpoint.internal..",
            "io.dstream.receiver.internal..", "io.dstream.storage.internal..").and(not(seams)))
        .because("dstream-ml learns through the public stream and RDD API (foreachRDD, treeAggregate, map), as "
            + "an application would, and keeps its models in the checkpoint through a stream node of "
            + "internal.stream (SnapshottingStream, SnapshotStore)")
        .check(mainClasses);
  }

  @Test
  void theSqlModuleUsesOnlyTheContextsResources() {
    // It loads batches through the public RDD API (foreachPartition) and keeps one session per context among the
    // context's resources, closed when the context stops.
    Set<String> seamNames = Set.of("io.dstream.internal.ContextAccess", "io.dstream.internal.StreamingRuntime",
        "io.dstream.internal.ContextResources");
    DescribedPredicate<JavaClass> seams = DescribedPredicate.describe(
        "ContextAccess, StreamingRuntime or ContextResources",
        (JavaClass c) -> seamNames.contains(c.getName().replaceFirst("\\$.*", "")));
    noClasses().that().resideInAPackage("io.dstream.sql..")
        .should().dependOnClassesThat(resideInAnyPackage("io.dstream.internal..", "io.dstream.checkpoint.internal..",
            "io.dstream.receiver.internal..", "io.dstream.storage.internal..").and(not(seams)))
        .because("dstream-sql works on batches through the public stream and RDD API, as an application would, "
            + "and keeps its session among the context's resources")
        .check(mainClasses);
  }

  @Test
  void mainCodeHoldsNoTestSupport() {
    noClasses().that().resideOutsideOfPackages(TEST_KIT_PACKAGES)
        .should().haveSimpleNameStartingWith("Manual")
        .orShould().haveSimpleNameStartingWith("Fake")
        .orShould().haveSimpleNameStartingWith("Counting")
        .orShould().haveSimpleNameStartingWith("Injected")
        .orShould().haveSimpleNameStartingWith("Delegating")
        .because("test doubles live in test sources and the modules' test-jars; only the test kits are for users")
        .check(mainClasses);
  }

  /** Public or protected members of public types in the public packages. */
  private static DescribedPredicate<JavaMember> areVisibleToUsers() {
    Set<String> publicPackages = Set.of(PUBLIC_PACKAGES);
    return DescribedPredicate.describe("are visible to users", member -> {
      JavaClass owner = member.getOwner();
      boolean visible = member.getModifiers().contains(JavaModifier.PUBLIC)
          || member.getModifiers().contains(JavaModifier.PROTECTED);
      return visible && owner.getModifiers().contains(JavaModifier.PUBLIC)
          && publicPackages.contains(owner.getPackageName());
    });
  }

  private static <M extends JavaMember> ArchCondition<M> haveNoInternalTypeInTheirSignature() {
    return new ArchCondition<>("have no internal type in their signature") {
      @Override
      public void check(M member, ConditionEvents events) {
        List<JavaType> types = new ArrayList<>();
        if (member instanceof JavaCodeUnit unit) {
          types.add(unit.getReturnType());
          types.addAll(unit.getParameterTypes());
        } else if (member instanceof JavaField field) {
          types.add(field.getType());
        }
        for (JavaType type : types) {
          for (JavaClass involved : type.getAllInvolvedRawTypes()) {
            if (involved.getPackageName().contains(".internal")) {
              events.add(SimpleConditionEvent.violated(member,
                  member.getFullName() + " names the internal type " + involved.getName()));
            }
          }
        }
      }
    };
  }
}
