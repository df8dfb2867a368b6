package podium;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The packages of DESIGN.md point one way, with no cycles, and the domain knows no I/O. */
@Tag("unit")
class PackageRulesTest {

  private static final JavaClasses HUB = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("podium");

  /** The features of a node, one package each (DESIGN.md, "How a node is put together"). */
  static final String[] FEATURES = {"podium.events..", "podium.commands..", "podium.staff..", "podium.screens..",
      "podium.schedules..", "podium.imports..", "podium.outbound..", "podium.cues..", "podium.stage.."};

  @Test
  void layersPointOneWay() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("start").definedBy("podium")
        .layer("features").definedBy(FEATURES)
        .layer("web").definedBy("podium.web..")
        .layer("control").definedBy("podium.control..")
        .layer("interop").definedBy("podium.interop..")
        .layer("live").definedBy("podium.live..")
        .layer("store").definedBy("podium.store..")
        .layer("event").definedBy("podium.event..")
        .whereLayer("start").mayNotBeAccessedByAnyLayer()
        .whereLayer("features").mayOnlyBeAccessedByLayers("start")
        .whereLayer("web").mayOnlyBeAccessedByLayers("features", "start")
        .whereLayer("control").mayOnlyBeAccessedByLayers("features", "start")
        .whereLayer("interop").mayOnlyBeAccessedByLayers("features", "web", "start")
        .whereLayer("live").mayOnlyBeAccessedByLayers("features", "web", "start")
        .whereLayer("store").mayOnlyBeAccessedByLayers("features", "control", "live", "web", "start")
        .whereLayer("event").mayOnlyBeAccessedByLayers("features", "control", "store", "live", "interop", "web", "start")
        .withOptionalLayers(true)
        .check(HUB);
  }

  /** A feature knows no other: adding or removing one touches only its package and Node's list. */
  @Test
  void featuresDoNotUseEachOther() {
    for (String feature : FEATURES) {
      String[] others = java.util.Arrays.stream(FEATURES).filter(f -> !f.equals(feature)).toArray(String[]::new);
      noClasses().that().resideInAPackage(feature).should().dependOnClassesThat().resideInAnyPackage(others)
          .check(HUB);
    }
  }

  /** web is plumbing only: it mounts what Node gives it and names no feature. */
  @Test
  void webKnowsNoFeature() {
    noClasses().that().resideInAPackage("podium.web..").should().dependOnClassesThat().resideInAnyPackage(FEATURES)
        .check(HUB);
  }

  @Test
  void noCycles() {
    slices().matching("podium.(*)..").should().beFreeOfCycles().check(HUB);
  }

  @Test
  void theDomainUsesOnlyTheJdkAndVertxJson() {
    noClasses().that().resideInAPackage("podium.event..").should().dependOnClassesThat()
        .resideOutsideOfPackages("java..", "podium.event..", "io.vertx.core.json..")
        .check(HUB);
  }

  /** Stage hardware's control knows the domain and the store: not the hub, not HTTP, no feature. */
  @Test
  void controlKnowsOnlyTheDomainAndTheStore() {
    noClasses().that().resideInAPackage("podium.control..").should().dependOnClassesThat()
        .resideInAnyPackage("podium.live..", "podium.web..", "podium.interop..", "io.vertx.ext..", "io.vertx.core.http..")
        .check(HUB);
  }

  @Test
  void theFormatsKnowOnlyTheDomain() {
    noClasses().that().resideInAPackage("podium.interop..").should().dependOnClassesThat()
        .resideInAnyPackage("podium.store..", "podium.live..", "podium.web..", "io.vertx.core.http..",
            "io.vertx.sqlclient..", "io.vertx.ext..")
        .check(HUB);
  }

  @Test
  void theDomainReadsNeitherTheClockNorChance() {
    noClasses().that().resideInAPackage("podium.event..").should().callMethod(java.util.UUID.class, "randomUUID")
        .orShould().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .check(HUB);
  }
}
