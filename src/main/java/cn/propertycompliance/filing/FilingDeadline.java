package cn.propertycompliance.filing;

import cn.propertycompliance.parameters.OptionalField;
import cn.propertycompliance.facts.Filings.EventType;
import cn.propertycompliance.parameters.ParameterValue;

/**
 * One value of the parameter table {@code filing.deadline}: the event the period is counted from (or before), how it
 * is counted, who files and with whom.
 *
 * @param event     the triggering event (合同签订, 业主委员会选举产生, 申请商品房预售许可 …)
 * @param kind      AFTER: within N days after the event; BEFORE: at least N days before it; BEFORE_EVENT: before it
 * @param days      N (null for BEFORE_EVENT)
 * @param dayKind   CALENDAR (日) or WORKING (工作日); null for BEFORE_EVENT
 * @param filer     who must file (e.g. 物业服务人)
 * @param authority with whom (e.g. 街道办事处、乡镇人民政府)
 */
public record FilingDeadline(EventType event, Kind kind, @OptionalField Integer days, @OptionalField DayKind dayKind, String filer,
                             String authority) {

    public enum Kind { AFTER, BEFORE, BEFORE_EVENT }

    public enum DayKind { CALENDAR, WORKING }

    public FilingDeadline {
        if (kind != null && kind != Kind.BEFORE_EVENT) {
            if (days == null || days < 1) {
                throw new IllegalArgumentException("kind " + kind + " needs days ≥ 1");
            }
            if (dayKind == null) {
                throw new IllegalArgumentException("kind " + kind + " needs dayKind (CALENDAR or WORKING)");
            }
        }
        if (filer != null && filer.isBlank() || authority != null && authority.isBlank()) {
            throw new IllegalArgumentException("filer and authority name someone");
        }
    }

    /** The table value, bound and checked when the release loaded. */
    public static FilingDeadline of(ParameterValue value) {
        return value.as(FilingDeadline.class);
    }

    /** The period in the words of the texts: "物业服务合同签订之日起15日内", "申请商品房预售许可前". */
    public String describe() {
        String e = event.chineseName();
        return switch (kind) {
            case AFTER -> e + "之日起" + days + (dayKind == DayKind.WORKING ? "个工作日内" : "日内");
            case BEFORE -> e + (dayKind == DayKind.WORKING ? "前" + days + "个工作日" : days + "日前");
            case BEFORE_EVENT -> e + "前";
        };
    }
}
