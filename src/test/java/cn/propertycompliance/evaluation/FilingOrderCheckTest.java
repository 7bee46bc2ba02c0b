package cn.propertycompliance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.propertycompliance.RepoRelease;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Filings in an order that cannot happen are a 400 naming the record; orders that merely break the law are not. */
class FilingOrderCheckTest {

    private static final RequestParser PARSER = new RequestParser(RepoRelease.REGIONS);

    private static EvaluationRequest parse(String filings) {
        String body = "{\"region\":\"110105\",\"asOf\":\"2024-07-01\",\"community\":{\"id\":\"X\"},\"filings\":" + filings + "}";
        return PARSER.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRecordBeforeItsDocumentIsRejected() {
        assertThatThrownBy(() -> parse("""
                {"events":[{"type":"SERVICE_CONTRACT_SIGNED","date":"2024-06-03"}],
                 "records":[{"filing":"SERVICE_CONTRACT","filedOn":"2024-06-02"}]}"""))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors()).singleElement().satisfies(err -> {
                    assertThat(err.field()).isEqualTo("filings.records[0].filedOn");
                    assertThat(err.message()).contains("SERVICE_CONTRACT_SIGNED", "2024-06-03");
                }));
    }

    @Test
    void everyImpossibleRecordIsListedAtOnce() {
        assertThatThrownBy(() -> parse("""
                {"events":[{"type":"SERVICE_CONTRACT_SIGNED","date":"2024-06-03"},{"type":"OWNER_COMMITTEE_ELECTED","date":"2024-05-06"}],
                 "records":[{"filing":"OWNER_COMMITTEE","filedOn":"2024-05-01"},{"filing":"SERVICE_CONTRACT","filedOn":"2024-06-01"}]}"""))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("filings.records[0].filedOn", "filings.records[1].filedOn"));
    }

    @Test
    void aRecordOfAnEarlierContractBeforeARenewalIsFine() {
        assertThat(parse("""
                {"events":[{"type":"SERVICE_CONTRACT_SIGNED","date":"2021-06-01"},{"type":"SERVICE_CONTRACT_SIGNED","date":"2024-06-03"}],
                 "records":[{"filing":"SERVICE_CONTRACT","filedOn":"2021-06-08"}]}""").filings().records()).hasSize(1);
    }

    @Test
    void aTenderFilingMayPrecedeTheAward() {
        assertThat(parse("""
                {"events":[{"type":"TENDER_AWARDED","date":"2024-03-01"}],
                 "records":[{"filing":"PRELIMINARY_TENDER","filedOn":"2024-01-20"}]}""").filings()).isNotNull();
    }

    @Test
    void unlawfulButPossibleOrdersAreNotRejected() {
        // Delivered to buyers before the 承接查验 and before hand-over: a finding's business, not a 400.
        assertThat(parse("""
                {"events":[{"type":"DELIVERED_TO_BUYERS","date":"2024-05-01"},{"type":"HANDOVER_INSPECTION_COMPLETED","date":"2024-06-01"},
                           {"type":"PROPERTY_HANDED_OVER","date":"2024-06-10"}]}""").filings().events()).hasSize(3);
    }

    @Test
    void aRecordWithoutItsEventIsFine() {
        assertThat(parse("""
                {"records":[{"filing":"SERVICE_CONTRACT","filedOn":"2024-06-02"}]}""").filings().records()).hasSize(1);
    }

    @Test
    void malformedDatesAreLeftToTheSchemaMessage() {
        assertThatThrownBy(() -> parse("""
                {"events":[{"type":"SERVICE_CONTRACT_SIGNED","date":"2024-02-30"}],
                 "records":[{"filing":"SERVICE_CONTRACT","filedOn":"2024-01-01"}]}"""))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("filings.events[0].date"));
    }
}
