package podium;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The packages of DESIGN.md point one way, with no cycles, and the domain knows no I/O. */
class PackageRulesTest {

  private static final JavaClasses HUB = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("podium");

  @Test
  void layersPointOneWay() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("start").definedBy("podium")
        .layer("web").definedBy("podium.web..")
        .layer("outbound").definedBy("podium.outbound..")
        .layer("interop").definedBy("podium.interop..")
        .layer("live").definedBy("podium.live..")
        .layer("store").definedBy("podium.store..")
        .layer("event").definedBy("podium.event..")
        .whereLayer("start").mayNotBeAccessedByAnyLayer()
        .whereLayer("web").mayOnlyBeAccessedByLayers("start")
        .whereLayer("outbound").mayOnlyBeAccessedByLayers("web", "start")
        .whereLayer("interop").mayOnlyBeAccessedByLayers("outbound", "web", "start")
        .whereLayer("live").mayOnlyBeAccessedByLayers("web", "start")
        .whereLayer("store").mayOnlyBeAccessedByLayers("live", "outbound", "web", "start")
        .whereLayer("event").mayOnlyBeAccessedByLayers("store", "live", "interop", "outbound", "web", "start")
        .withOptionalLayers(true)
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

  @Test
  void theFormatsKnowOnlyTheDomain() {
    noClasses().that().resideInAPackage("podium.interop..").should().dependOnClassesThat()
        .resideInAnyPackage("podium.store..", "podium.live..", "podium.web..", "io.vertx.core.http..",
            "io.vertx.sqlclient..", "io.vertx.ext..")
        .check(HUB);
  }

  @Test
  void outboundUsesNeitherLiveNorWeb() {
    noClasses().that().resideInAPackage("podium.outbound..").should().dependOnClassesThat()
        .resideInAnyPackage("podium.live..", "podium.web..")
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
