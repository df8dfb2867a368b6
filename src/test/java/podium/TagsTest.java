package podium;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every test class says what it needs, with the tags bin/test --fast leaves out (pom.xml, profile
 * fast): browser (drives Chromium), faults (starts processes, nginx or a system PostgreSQL, kills
 * things, or runs for long), node (a hub node in-process, or the embedded PostgreSQL), unit (none
 * of these). The full run filters on no tag; these rules keep the fast loop's tags true, and every
 * test class one that Maven runs.
 */
@Tag("unit")
class TagsTest {

  static final Set<String> KNOWN = Set.of("unit", "node", "browser", "faults");

  private static final Set<String> TEST_ANNOTATIONS = Set.of("org.junit.jupiter.api.Test",
      "org.junit.jupiter.api.RepeatedTest", "org.junit.jupiter.api.TestFactory", "org.junit.jupiter.api.TestTemplate",
      "org.junit.jupiter.params.ParameterizedTest");

  private static final JavaClasses TESTS = importTests();

  /** The test classes only: the rules below read names, so nothing else is loaded (it would take seconds). */
  private static JavaClasses importTests() {
    ArchConfiguration conf = ArchConfiguration.get();
    boolean resolve = conf.resolveMissingDependenciesFromClassPath();
    conf.setResolveMissingDependenciesFromClassPath(false);
    try {
      return new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
          .importPackages("podium");
    } finally {
      conf.setResolveMissingDependenciesFromClassPath(resolve);
    }
  }

  /** Classes that hold tests; at least some, or every rule below would pass on nothing. */
  private static List<JavaClass> testClasses() {
    List<JavaClass> out = TESTS.stream().filter(c -> c.getMethods().stream().anyMatch(TagsTest::isTest))
        .sorted(java.util.Comparator.comparing(JavaClass::getName)).toList();
    assertThat(out).as("test classes found").hasSizeGreaterThan(50);
    return out;
  }

  private static boolean isTest(JavaMethod m) {
    return m.getAnnotations().stream().anyMatch(a -> TEST_ANNOTATIONS.contains(a.getRawType().getName()));
  }

  private static Set<String> tags(Stream<Tag> tags) {
    Set<String> out = new TreeSet<>();
    tags.forEach(t -> out.add(t.value()));
    return out;
  }

  private static Set<String> classTags(JavaClass c) {
    return tags(Arrays.stream(c.reflect().getAnnotationsByType(Tag.class)));
  }

  /** The class's tags and those of any of its test methods. */
  private static Set<String> allTags(JavaClass c) {
    Set<String> out = classTags(c);
    c.getMethods().stream().filter(TagsTest::isTest)
        .forEach(m -> out.addAll(tags(Arrays.stream(m.reflect().getAnnotationsByType(Tag.class)))));
    return out;
  }

  /** The class and its nested and anonymous classes. */
  private static Stream<JavaClass> withNested(JavaClass c) {
    return TESTS.stream().filter(o -> o.equals(c) || o.getName().startsWith(c.getName() + "$"));
  }

  private static boolean uses(JavaClass c, String... classNames) {
    Set<String> names = Set.of(classNames);
    return withNested(c).anyMatch(o -> o.getDirectDependenciesFromSelf().stream()
        .anyMatch(d -> names.contains(d.getTargetClass().getName())));
  }

  /** Starts a hub node or uses a database: anything of TestNode's but a free port, TestDatabase, Node. */
  private static boolean startsANodeOrADatabase(JavaClass c) {
    return uses(c, "podium.TestDatabase", "podium.hostile.HostileHub", "podium.Node", "podium.EmbeddedDatabase")
        || withNested(c).anyMatch(o -> o.getMethodCallsFromSelf().stream().anyMatch(call ->
            call.getTargetOwner().getName().equals("podium.TestNode") && !call.getName().equals("freePort")));
  }

  @Test
  void everyTestClassCarriesAKnownTagAndNoOther() {
    List<String> wrong = new ArrayList<>();
    for (JavaClass c : testClasses()) {
      Set<String> tags = allTags(c);
      if (classTags(c).isEmpty() || !KNOWN.containsAll(tags)) {
        wrong.add(c.getName() + " " + tags);
      }
    }
    assertThat(wrong).as("test classes without a class-level tag of %s, or with another", KNOWN).isEmpty();
  }

  /** Surefire runs *Test, failsafe *IT; a class named otherwise would run nowhere. */
  @Test
  void everyTestClassIsOneMavenRuns() {
    List<String> unrun = testClasses().stream().map(JavaClass::getSimpleName)
        .filter(n -> !n.endsWith("Test") && !n.endsWith("IT"))
        // run through the JUnit test kit by PageErrorsBrowserTest, to see a page error fail a test
        .filter(n -> !n.equals("PageErrorFixture"))
        .toList();
    assertThat(unrun).isEmpty();
  }

  @Test
  void theTagsSayWhatTheTestsDo() {
    List<String> wrong = new ArrayList<>();
    for (JavaClass c : testClasses()) {
      Set<String> tags = allTags(c);
      if (uses(c, "podium.browser.Browser") && !tags.contains("browser")) {
        wrong.add(c.getName() + " drives Chromium but is tagged " + tags);
      }
      if (uses(c, "java.lang.ProcessBuilder", "podium.FreshHub", "podium.faults.HubProcess", "podium.faults.Nginx",
          "podium.faults.SystemPostgres", "io.zonky.test.db.postgres.embedded.EmbeddedPostgres", "podium.bench.Bench")
          && !tags.contains("faults")) {
        wrong.add(c.getName() + " starts processes but is tagged " + tags);
      }
      if (c.getPackageName().equals("podium.faults") && !tags.contains("faults")) {
        wrong.add(c.getName() + " is a fault test but is tagged " + tags);
      }
      if (tags.contains("unit") && (tags.size() > 1 || startsANodeOrADatabase(c))) {
        wrong.add(c.getName() + " is tagged unit but starts a node or a database, or has " + tags);
      }
    }
    assertThat(wrong).isEmpty();
  }
}
