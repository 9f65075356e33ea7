package io.github.alertrouter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The package rules of core, checked on the compiled classes: the engine is the root package's
 * own, the platform kit knows no engine, the exported API never hands out a type from a package
 * the module descriptor keeps closed, and {@code docs/api.md} lists exactly the exported types.
 */
class ArchitectureTest {
  private static final String ROOT = "io.github.alertrouter";
  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(ROOT);
  private static final Set<String> EXPORTED = exportedPackages();

  @Test
  void subPackagesUseOnlyTheModelFromTheRootPackage() {
    // The root package is the router and its engine; a concept package may know the alert it
    // works on, never the engine that calls it.
    noClasses().that().resideInAPackage(ROOT + ".(*)..")
        .should().dependOnClassesThat(inRootPackageExcept(Alert.class, Fingerprint.class))
        .check(CORE);
  }

  @Test
  void thePlatformKitKnowsNoEngineNorBinding() {
    // gotemplate is a template language, as mustache is: the kit's Templates compile policies' Go templates with it
    classes().that().resideInAPackage(ROOT + ".spi..")
        .should().onlyDependOnClassesThat().resideInAnyPackage(
            "java..", "javax.net.ssl..", "com.fasterxml.jackson..", "com.samskivert.mustache..", "org.slf4j..",
            ROOT, ROOT + ".config", ROOT + ".notify", ROOT + ".time", ROOT + ".internal.text", ROOT + ".internal.http", ROOT + ".spi..",
            ROOT + ".gotemplate")
        .check(CORE);
  }

  @Test
  void timeAndConfigStayAtTheBottom() {
    classes().that().resideInAPackage(ROOT + ".time")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", ROOT + ".time")
        .check(CORE);
    noClasses().that().resideInAPackage(ROOT + ".config")
        .should().dependOnClassesThat().resideInAnyPackage(
            ROOT + ".route..", ROOT + ".notify..", ROOT + ".spi..", ROOT + ".alertmanager..",
            ROOT + ".escalate..", ROOT + ".preview..", ROOT + ".action..", ROOT + ".binding..",
            ROOT + ".delivery..", ROOT + ".store..", ROOT + ".http..", ROOT + ".silence..", ROOT + ".inhibit..")
        .check(CORE);
  }

  @Test
  void exportedSignaturesNeverNameAClosedPackage() {
    assertThat(EXPORTED).contains(ROOT, ROOT + ".spi", ROOT + ".spi.render");
    List<String> leaks = new ArrayList<>();
    for (JavaClass type : CORE) {
      if (!isVisible(type)) {
        continue;
      }
      List<JavaMember> members = new ArrayList<>();
      members.addAll(type.getMethods());
      members.addAll(type.getConstructors());
      members.addAll(type.getFields());
      for (JavaMember member : members) {
        if (!member.getModifiers().contains(JavaModifier.PUBLIC)
            && !member.getModifiers().contains(JavaModifier.PROTECTED)) {
          continue;
        }
        Set<JavaClass> named = new HashSet<>();
        if (member instanceof JavaCodeUnit unit) {
          named.addAll(unit.getReturnType().getAllInvolvedRawTypes());
          unit.getParameterTypes().forEach(t -> named.addAll(t.getAllInvolvedRawTypes()));
        } else if (member instanceof JavaField field) {
          named.addAll(field.getType().getAllInvolvedRawTypes());
        }
        for (JavaClass used : named) {
          JavaClass base = used.getBaseComponentType();
          if (base.getPackageName().startsWith(ROOT) && !isVisible(base)) {
            leaks.add(member.getFullName() + " names " + base.getName());
          }
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void docsApiListsExactlyTheExportedTypes() throws IOException {
    Set<String> exported = new TreeSet<>();
    for (JavaClass type : CORE) {
      if (isVisible(type) && !type.isNestedClass()) {
        exported.add(type.getName().substring(ROOT.length() + 1));
      }
    }
    Set<String> listed = new TreeSet<>();
    Matcher row = Pattern.compile("^\\| `([A-Za-z.]+)` \\|", Pattern.MULTILINE)
        .matcher(Files.readString(Path.of("..", "docs", "api.md")));
    while (row.find()) {
      listed.add(row.group(1));
    }
    assertThat(listed).as("types listed in docs/api.md").isEqualTo(exported);
  }

  private static boolean isVisible(JavaClass type) {
    JavaClass top = type;
    while (top.isNestedClass() && top.getEnclosingClass().isPresent()) {
      if (!top.getModifiers().contains(JavaModifier.PUBLIC)) {
        return false;
      }
      top = top.getEnclosingClass().get();
    }
    return top.getModifiers().contains(JavaModifier.PUBLIC) && EXPORTED.contains(top.getPackageName());
  }

  private static DescribedPredicate<JavaClass> inRootPackageExcept(Class<?>... model) {
    Set<String> allowed = new TreeSet<>();
    for (Class<?> type : model) {
      allowed.add(type.getName());
    }
    return DescribedPredicate.describe("the root package other than " + allowed,
        c -> c.getPackageName().equals(ROOT) && !allowed.contains(c.getName())
            && !allowed.contains(c.getName().replaceAll("\\$.*", "")));
  }

  private static Set<String> exportedPackages() {
    try {
      String descriptor = Files.readString(Path.of("src", "main", "java", "module-info.java"));
      Set<String> packages = new TreeSet<>();
      Matcher exports = Pattern.compile("^\\s*exports ([\\w.]+);", Pattern.MULTILINE).matcher(descriptor);
      while (exports.find()) {
        packages.add(exports.group(1));
      }
      return packages;
    } catch (IOException e) {
      throw new IllegalStateException("run from the core module directory", e);
    }
  }
}
