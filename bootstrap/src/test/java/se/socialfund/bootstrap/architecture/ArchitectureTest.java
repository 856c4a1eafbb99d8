package se.socialfund.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The dependency rules of the hexagon (ARCHITECTURE.md): dependencies point inward; the domain and the use cases
 * import no framework; adapters never depend on each other or on a use-case class, only on port.in; use cases are
 * plain classes wired in bootstrap, never annotated.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // test-jars: tests as well
                .importPackages("se.socialfund");
    }

    @Test
    void dependencies_point_inward_through_the_layers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("domain").definedBy("se.socialfund.domain..")
                .layer("application").definedBy("se.socialfund.application..")
                .layer("rest").definedBy("se.socialfund.adapters.rest..")
                .layer("persistence").definedBy("se.socialfund.adapters.persistence..")
                .layer("identity").definedBy("se.socialfund.adapters.identity..")
                .layer("bootstrap").definedBy("se.socialfund.bootstrap..")
                .whereLayer("bootstrap").mayNotBeAccessedByAnyLayer()
                .whereLayer("rest").mayOnlyBeAccessedByLayers("bootstrap")
                .whereLayer("persistence").mayOnlyBeAccessedByLayers("bootstrap")
                .whereLayer("identity").mayOnlyBeAccessedByLayers("bootstrap")
                .whereLayer("application").mayOnlyBeAccessedByLayers("rest", "persistence", "identity", "bootstrap")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("application", "rest", "persistence", "identity",
                        "bootstrap")
                .check(classes);
    }

    @Test
    void the_domain_depends_on_nothing_but_the_jdk() {
        classes().that().resideInAPackage("se.socialfund.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("se.socialfund.domain..", "java..")
                .check(classes);
    }

    @Test
    void the_use_cases_depend_on_the_domain_and_the_jdk_only() {
        classes().that().resideInAPackage("se.socialfund.application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("se.socialfund.application..",
                        "se.socialfund.domain..", "java..")
                .check(classes);
    }

    @Test
    void adapters_reach_the_use_cases_only_through_ports() {
        ArchRule rule = noClasses().that().resideInAPackage("se.socialfund.adapters..")
                .should().dependOnClassesThat().resideInAPackage("se.socialfund.application.usecase..");
        rule.check(classes);
    }

    @Test
    void use_cases_are_plain_classes_without_annotations_wired_in_bootstrap() {
        classes().that().resideInAPackage("se.socialfund.application.usecase..")
                .should().notBeAnnotatedWith("jakarta.enterprise.context.ApplicationScoped")
                .andShould().notBeAnnotatedWith("jakarta.inject.Singleton")
                .andShould().notBeAnnotatedWith("jakarta.transaction.Transactional")
                .check(classes);
        classes().that().resideInAPackage("se.socialfund.application.port.in..")
                .should().beInterfaces().orShould().beRecords().orShould().haveSimpleNameEndingWith("UseCases")
                .orShould().haveSimpleNameEndingWith("Queries")
                .orShould().beAssignableTo(RuntimeException.class)
                .check(classes);
    }

    @Test
    void the_rest_adapter_reaches_the_application_only_through_its_in_ports() {
        noClasses().that().resideInAPackage("se.socialfund.adapters.rest..")
                .should().dependOnClassesThat().resideInAnyPackage("se.socialfund.application.port.out..",
                        "se.socialfund.application.usecase..")
                .because("REST speaks to use cases through port.in and their read models, never to stores")
                .check(classes);
    }

    @Test
    void in_ports_expose_read_models_of_their_own_never_out_port_types() {
        noClasses().that().resideInAPackage("se.socialfund.application.port.in..")
                .should().dependOnClassesThat().resideInAnyPackage("se.socialfund.application.port.out..",
                        "se.socialfund.application.usecase..")
                .check(classes);
    }

    @Test
    void rest_resources_depend_on_ports_not_on_persistence_or_identity() {
        noClasses().that().resideInAPackage("se.socialfund.adapters.rest..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..",
                        "se.socialfund.adapters.persistence..", "se.socialfund.adapters.identity..")
                .check(classes);
    }
}
