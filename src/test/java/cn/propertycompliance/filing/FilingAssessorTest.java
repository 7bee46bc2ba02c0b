package cn.propertycompliance.filing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.calendar.LegalCalendar;
import cn.propertycompliance.facts.Filings;
import cn.propertycompliance.facts.Filings.Event;
import cn.propertycompliance.facts.Filings.EventType;
import cn.propertycompliance.facts.Filings.FilingType;
import cn.propertycompliance.facts.Filings.Record;
import cn.propertycompliance.filing.FilingAssessment.Outcome;
import cn.propertycompliance.parameters.ParameterEntry;
import cn.propertycompliance.parameters.ParameterSet;
import cn.propertycompliance.parameters.ParameterStatus;
import cn.propertycompliance.parameters.ParameterTable;
import cn.propertycompliance.parameters.ParameterView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The assessor on hand-made tables: the kinds and failure paths no table of the repository uses today. */
class FilingAssessorTest {

    private static final LegalCalendar CAL = RepoRelease.get().calendar();
    private static final List<String> LAYERS = List.of("000000");

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static ParameterEntry entry(String table, Map<String, Object> value, String from, String to, ParameterStatus status) {
        return new ParameterEntry(table, "000000", table.equals("filing.deadline") ? Map.of("filing", "SERVICE_CONTRACT") : Map.of(),
                value, d(from), to == null ? null : d(to), status, List.of(), List.of(), "test", false, "test.yaml", 1);
    }

    private static Map<String, Object> deadline(String event, String kind, Integer days, String dayKind) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("event", event);
        v.put("kind", kind);
        if (days != null) {
            v.put("days", BigDecimal.valueOf(days));
        }
        if (dayKind != null) {
            v.put("dayKind", dayKind);
        }
        v.put("filer", "物业服务人");
        v.put("authority", "主管部门");
        return v;
    }

    private static ParameterView view(LocalDate asOf, List<ParameterEntry> deadlines, boolean withRestDays) {
        Map<String, ParameterTable> tables = new LinkedHashMap<>();
        tables.put("filing.deadline", new ParameterTable("filing.deadline", null, null, List.of("filing"), deadlines));
        tables.put("calendar.restDays", new ParameterTable("calendar.restDays", null, null, List.of(), withRestDays
                ? List.of(entry("calendar.restDays", Map.of("weekendsAreStatutoryRestDays", true), "2021-01-01", null, ParameterStatus.INTERPRETATION))
                : List.of()));
        return new ParameterView(new ParameterSet(tables), LAYERS, asOf);
    }

    private static List<FilingAssessment> assess(ParameterView params, Filings filings) {
        return FilingAssessor.assess(CAL, params, filings, FilingType.SERVICE_CONTRACT,
                params.value("filing.deadline", FilingType.SERVICE_CONTRACT), params.value("calendar.restDays"));
    }

    private static Filings filings(String signed, String filedOn) {
        return new Filings(List.of(new Event(EventType.SERVICE_CONTRACT_SIGNED, d(signed))),
                filedOn == null ? List.of() : List.of(new Record(FilingType.SERVICE_CONTRACT, d(filedOn), null)));
    }

    @Test
    void nDaysBeforeAnEventIsNotMovedForHolidays() {
        // 10 days before 2024-10-11 is 2024-10-01 (National Day): stays; a filing on 10-02 is one day late.
        ParameterView params = view(d("2024-12-01"), List.of(entry("filing.deadline",
                deadline("PRESALE_PERMIT_APPLIED", "BEFORE", 10, "CALENDAR"), "2020-01-01", null, ParameterStatus.OFFICIAL)), true);
        Filings f = new Filings(List.of(new Event(EventType.SERVICE_CONTRACT_SIGNED, d("2024-09-01")),
                new Event(EventType.PRESALE_PERMIT_APPLIED, d("2024-10-11"))),
                List.of(new Record(FilingType.SERVICE_CONTRACT, d("2024-10-02"), null)));
        assertThat(assess(params, f)).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(Outcome.LATE);
            assertThat(a.dueBy()).isEqualTo(d("2024-10-01"));
            assertThat(a.daysLate()).isEqualTo(1);
            assertThat(a.period()).isEqualTo("申请商品房预售许可10日前");
        });
    }

    @Test
    void nWorkingDaysBeforeAnEventCountsTheMakeUpSunday() {
        ParameterView params = view(d("2024-12-01"), List.of(entry("filing.deadline",
                deadline("PRESALE_PERMIT_APPLIED", "BEFORE", 5, "WORKING"), "2020-01-01", null, ParameterStatus.OFFICIAL)), true);
        Filings f = new Filings(List.of(new Event(EventType.PRESALE_PERMIT_APPLIED, d("2024-10-08"))), List.of());
        assertThat(assess(params, f)).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(Outcome.MISSING);
            assertThat(a.dueBy()).isEqualTo(d("2024-09-25"));
        });
    }

    @Test
    void theEntryInForceOnTheEventDateApplies() {
        // 30 days until 2023-12-31, 10 days from 2024-01-01: a contract of 2023-12-20 keeps its 30 days.
        ParameterView params = view(d("2024-06-01"), List.of(
                entry("filing.deadline", deadline("SERVICE_CONTRACT_SIGNED", "AFTER", 30, "CALENDAR"), "2020-01-01", "2023-12-31", ParameterStatus.OFFICIAL),
                entry("filing.deadline", deadline("SERVICE_CONTRACT_SIGNED", "AFTER", 10, "CALENDAR"), "2024-01-01", null, ParameterStatus.OFFICIAL)), true);
        assertThat(assess(params, filings("2023-12-20", "2024-01-15"))).singleElement()
                .satisfies(a -> assertThat(a.outcome()).isEqualTo(Outcome.ON_TIME));
        assertThat(assess(params, filings("2024-01-05", "2024-01-16"))).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(Outcome.LATE);
            assertThat(a.dueBy()).isEqualTo(d("2024-01-15"));
        });
    }

    @Test
    void anIncompleteEntryIsUndeterminedNamingTheField() {
        Map<String, Object> broken = deadline("SERVICE_CONTRACT_SIGNED", "AFTER", 15, "CALENDAR");
        broken.remove("authority");
        ParameterView params = view(d("2024-12-01"), List.of(entry("filing.deadline", broken, "2020-01-01", null, ParameterStatus.OFFICIAL)), true);
        assertThat(assess(params, filings("2024-06-03", null))).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(Outcome.UNDETERMINED);
            assertThat(a.reason()).contains("authority", "test.yaml:1");
            assertThat(a.missingParameter()).isEqualTo("filing.deadline");
        });
    }

    @Test
    void withoutTheWeekendReadingAWeekendLastDayIsUndetermined() {
        ParameterView params = view(d("2024-12-01"), List.of(entry("filing.deadline",
                deadline("SERVICE_CONTRACT_SIGNED", "AFTER", 15, "CALENDAR"), "2020-01-01", null, ParameterStatus.OFFICIAL)), false);
        // 2024-06-07 + 15 = 2024-06-22, a Saturday.
        assertThat(assess(params, filings("2024-06-07", "2024-06-24"))).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(Outcome.UNDETERMINED);
            assertThat(a.missingParameter()).isEqualTo("calendar.restDays");
        });
        // A filing by the unmoved last day is in time whatever the reading.
        assertThat(assess(params, filings("2024-06-07", "2024-06-21"))).singleElement()
                .satisfies(a -> assertThat(a.outcome()).isEqualTo(Outcome.ON_TIME));
    }

    @Test
    void aPendingEntryWantsARecordOnceTheDocumentExists() {
        ParameterView params = view(d("2024-12-01"), List.of(entry("filing.deadline", Map.of(), "2021-06-09", null, ParameterStatus.PENDING)), true);
        assertThat(assess(params, filings("2024-06-03", null))).singleElement()
                .satisfies(a -> assertThat(a.outcome()).isEqualTo(Outcome.NOT_RECORDED));
        assertThat(assess(params, filings("2024-06-03", "2024-11-01"))).singleElement()
                .satisfies(a -> assertThat(a.outcome()).isEqualTo(Outcome.FILED_NO_DEADLINE));
        // An event before any entry: the deadline of that day is not encoded — undetermined, never "nothing owed".
        assertThat(assess(params, filings("2021-06-08", null))).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(Outcome.UNDETERMINED);
            assertThat(a.reason()).contains("2021-06-08").contains("没有生效条目");
        });
    }

    @Test
    void noEventNoAssessment() {
        ParameterView params = view(d("2024-12-01"), List.of(entry("filing.deadline",
                deadline("SERVICE_CONTRACT_SIGNED", "AFTER", 15, "CALENDAR"), "2020-01-01", null, ParameterStatus.OFFICIAL)), true);
        assertThat(assess(params, new Filings(List.of(), List.of(new Record(FilingType.SERVICE_CONTRACT, d("2024-06-18"), null)))))
                .isEmpty();
    }
}
