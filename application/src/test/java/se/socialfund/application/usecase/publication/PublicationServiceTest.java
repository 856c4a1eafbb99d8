package se.socialfund.application.usecase.publication;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.socialfund.application.fakes.InMemoryFundRepository;
import se.socialfund.application.fakes.InlineUnitOfWork;
import se.socialfund.application.port.in.Page;
import se.socialfund.application.port.in.publication.PublicationQueries.Filter;
import se.socialfund.application.port.in.publication.PublicationQueries.OpenData.Settings;
import se.socialfund.application.port.out.publication.PublishedRecords;
import se.socialfund.domain.application.Stage;
import se.socialfund.domain.document.Document;
import se.socialfund.domain.shared.Conflict;
import se.socialfund.domain.shared.NotFound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicationServiceTest {
    /** Records with nothing in them, counting what was asked. */
    static final class EmptyRecords implements PublishedRecords {
        int reads;

        @Override
        public Page<Investment> investments(Set<Stage> stages, Integer decisionYear, Stage stage, String office,
                                            int limit, Long after) {
            reads++;
            return new Page<>(List.of(), null);
        }

        @Override
        public Optional<Investment> investment(UUID id, Set<Stage> stages) {
            reads++;
            return Optional.empty();
        }

        @Override
        public Optional<Document> publishedDocument(UUID id) {
            reads++;
            return Optional.empty();
        }

        @Override
        public int count(Set<Stage> stages) {
            reads++;
            return 0;
        }
    }

    private static Settings settings(String prefix, String orgId) {
        return new Settings(prefix, orgId, "Kommunen", "Fonden", orgId, "Kommunen", "fonden", "Fonden", null,
                "https://creativecommons.org/publicdomain/zero/1.0/");
    }

    private static PublicationService service(Settings settings, EmptyRecords records) {
        return new PublicationService(new InlineUnitOfWork(), records, new InMemoryFundRepository(), null, settings);
    }

    @Test
    void without_a_prefix_the_export_is_a_conflict_that_names_the_setting_and_reads_nothing() {
        EmptyRecords records = new EmptyRecords();
        assertThatThrownBy(() -> service(settings(null, "SE-ON-2120000000"), records).threeSixtyGiving(null))
                .isInstanceOf(Conflict.class).hasMessageContaining("socialfund.open-data.360giving.prefix")
                .hasMessageContaining("SOCIALFUND_OPEN_DATA_360GIVING_PREFIX")
                .extracting(e -> ((Conflict) e).kind()).isEqualTo("open-data-not-configured");
        assertThatThrownBy(() -> service(settings(" ", "SE-ON-2120000000"), records).threeSixtyGiving(2026))
                .isInstanceOf(Conflict.class).hasMessageContaining("socialfund.open-data.360giving.prefix");
        assertThatThrownBy(() -> service(settings("360G-fonden", null), records).threeSixtyGiving(null))
                .isInstanceOf(Conflict.class).hasMessageContaining("socialfund.open-data.funder.org-id");
        assertThatThrownBy(() -> service(settings("360G-fon den", "SE-ON-2120000000"), records)
                .threeSixtyGiving(null)).isInstanceOf(Conflict.class).hasMessageContaining("not a 360Giving prefix");
        assertThat(records.reads).isZero();
        assertThat(service(settings(null, "SE-ON-2120000000"), records).grantIdentifier("KS 2026/0012")).isEmpty();
    }

    @Test
    void identifiers_are_the_prefix_and_the_registration_number_with_underscores() {
        assertThat(PublicationService.identifier(PublicationService.normalisedPrefix("360G-norrkoping"),
                "KS 2026/0012")).isEqualTo("360G-norrkoping-KS_2026_0012");
        assertThat(PublicationService.identifier(PublicationService.normalisedPrefix("norrkoping"),
                "KS 2026/0012")).isEqualTo("360G-norrkoping-KS_2026_0012");
        assertThat(service(settings("360g-norrkoping", "SE-ON-2120000000"), new EmptyRecords())
                .grantIdentifier("KS 2011/0003")).contains("360G-norrkoping-KS_2011_0003");
        EmptyRecords records = new EmptyRecords();
        assertThat(service(settings("360G-fonden", "SE-ON-2120000000"), records).threeSixtyGiving(2011).grants())
                .isEmpty();
        assertThat(records.reads).isEqualTo(1);
    }

    @Test
    void a_stage_that_is_no_investment_stage_lists_nothing_and_unknown_ids_are_not_found() {
        EmptyRecords records = new EmptyRecords();
        PublicationService service = service(settings(null, null), records);
        assertThat(service.list(new Filter(null, Stage.RECEIVED, null), 10, null).items()).isEmpty();
        assertThat(records.reads).as("not even asked").isZero();
        assertThatThrownBy(() -> service.get(UUID.randomUUID())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> service.published(UUID.randomUUID())).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> service.open(UUID.randomUUID(), 0, 1)).isInstanceOf(NotFound.class);
    }
}
