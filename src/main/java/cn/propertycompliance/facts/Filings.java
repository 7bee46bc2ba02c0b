package cn.propertycompliance.facts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** The filings block: what happened in the project and which filings were made. */
public record Filings(
        @Size(max = Limits.MAX_EVENTS) List<@NotNull @Valid Event> events,
        @Size(max = Limits.MAX_EVENTS) List<@NotNull @Valid Record> records) {

    public Filings {
        events = FactLists.copy(events);
        records = FactLists.copy(records);
    }

    public enum EventType {
        MANAGEMENT_AREA_DESIGNATED("物业管理区域划定"),
        PRESALE_PERMIT_APPLIED("申请商品房预售许可"),
        TENDER_NOTICE_ISSUED("发布前期物业招标公告"),
        TENDER_AWARDED("确定前期物业中标人"),
        PRELIMINARY_CONTRACT_SIGNED("前期物业服务合同签订"),
        HANDOVER_INSPECTION_COMPLETED("物业承接查验完成"),
        PROPERTY_HANDED_OVER("物业交接（移交物业服务企业）"),
        DELIVERED_TO_BUYERS("物业交付业主"),
        SERVICE_CONTRACT_SIGNED("物业服务合同签订"),
        OWNER_COMMITTEE_ELECTED("业主委员会选举产生");

        private final String chineseName;

        EventType(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    public enum FilingType {
        MANAGEMENT_AREA("物业管理区域", EventType.MANAGEMENT_AREA_DESIGNATED),
        PRELIMINARY_TENDER("前期物业招投标", EventType.TENDER_AWARDED),
        PRELIMINARY_CONTRACT("前期物业服务合同", EventType.PRELIMINARY_CONTRACT_SIGNED),
        HANDOVER_INSPECTION("物业承接查验", EventType.HANDOVER_INSPECTION_COMPLETED),
        SERVICE_CONTRACT("物业服务合同", EventType.SERVICE_CONTRACT_SIGNED),
        OWNER_COMMITTEE("业主委员会", EventType.OWNER_COMMITTEE_ELECTED);

        private final String chineseName;
        private final EventType documentEvent;

        FilingType(String chineseName, EventType documentEvent) {
            this.chineseName = chineseName;
            this.documentEvent = documentEvent;
        }

        public String chineseName() {
            return chineseName;
        }

        /**
         * The event that brings into being what is filed: the contract is signed, the committee elected, the area
         * designated, the inspection completed, the tender awarded. A filing whose local deadline is not published
         * (PENDING) is owed once this event has happened.
         */
        public EventType documentEvent() {
            return documentEvent;
        }

        /**
         * True when a filing of this type cannot be made before its {@link #documentEvent()} — nothing exists to file.
         * Not so for the tender: tender documents are filed before the award (and before the notice).
         */
        public boolean cannotPrecedeDocumentEvent() {
            return this != PRELIMINARY_TENDER;
        }
    }

    /** The events of one type, oldest first. */
    public List<Event> eventsOf(EventType type) {
        return events.stream().filter(e -> e.type() == type && e.date() != null)
                .sorted(java.util.Comparator.comparing(Event::date)).toList();
    }

    /** The records of one filing, oldest first. */
    public List<Record> recordsOf(FilingType filing) {
        return records.stream().filter(r -> r.filing() == filing && r.filedOn() != null)
                .sorted(java.util.Comparator.comparing(Record::filedOn)).toList();
    }

    public record Event(@NotNull EventType type, @NotNull LocalDate date) {
    }

    /** A filing made: {@code filedOn} is the day the filer submitted it (报送/申请备案), which is what its deadline binds. */
    public record Record(@NotNull FilingType filing, @NotNull LocalDate filedOn,
                         @Size(max = Limits.MAX_NAME) @Pattern(regexp = Limits.TEXT) String authority) {
    }
}
