package cn.propertycompliance.committee;

import cn.propertycompliance.facts.Committee.Member;
import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.vocabulary.Report;
import cn.propertycompliance.vocabulary.Reportable;
import java.util.ArrayList;
import java.util.List;

/**
 * A member's absence from committee meetings against the jurisdiction's threshold ({@code committee.absence}):
 * <ul>
 *   <li>{@code basis: SHARE_OF_MEETINGS} with {@code numerator}/{@code denominator} and {@code inclusive} — 北京
 *       第四十六条, 上海 第三十一条 "一年内累计缺席…总次数一半以上": absent ≥ 1/2 of the meetings held, because 以上
 *       includes the number itself (民法典 第一千二百五十九条). Compared as integers, never as a double;</li>
 *   <li>{@code basis: CONSECUTIVE_UNEXCUSED} with {@code count} — 辽宁 第三十九条 "无正当理由连续三次不参加".</li>
 * </ul>
 */
public record AbsenceCheck(boolean reached, List<String> missing, Integer absent, Integer held, Integer consecutive,
                           String wording, ParameterValue rule, List<ParameterValue> consequences) implements Reportable {

    public static final String TABLE = "committee.absence";

    /** Only part of the figures the threshold needs was sent. */
    public boolean isUndetermined() {
        return !missing.isEmpty();
    }

    public boolean isReached() {
        return reached;
    }

    public static AbsenceCheck of(Member m, ParameterValue rule) {
        return of(m, rule, List.of());
    }

    /** @param consequences the {@code committee.consequence} entries the threshold's entry names (shown when reached) */
    public static AbsenceCheck of(Member m, ParameterValue rule, List<ParameterValue> consequences) {
        AbsenceCheck c = judge(m, rule);
        return new AbsenceCheck(c.reached, c.missing, c.absent, c.held, c.consecutive, c.wording, rule, List.copyOf(consequences));
    }

    private static AbsenceCheck judge(Member m, ParameterValue rule) {
        AbsenceRule r = rule.as(AbsenceRule.class);
        String wording = r.wording();
        if (r.basis() == AbsenceRule.Basis.CONSECUTIVE_UNEXCUSED) {
            Integer consecutive = m.consecutiveUnexcusedAbsences();
            boolean reached = consecutive != null && consecutive >= r.count();
            return new AbsenceCheck(reached, List.of(), null, null, consecutive, wording, rule, List.of());
        }
        Integer held = m.meetingsHeldLast12Months();
        Integer absent = m.meetingsAbsentLast12Months();
        if (held == null && absent == null) {
            return new AbsenceCheck(false, List.of(), null, null, null, wording, rule, List.of());
        }
        if (held == null || absent == null) {
            List<String> missing = new ArrayList<>();
            if (held == null) {
                missing.add("meetingsHeldLast12Months");
            }
            if (absent == null) {
                missing.add("meetingsAbsentLast12Months");
            }
            return new AbsenceCheck(false, missing, absent, held, null, wording, rule, List.of());
        }
        long lhs = (long) absent * r.denominator();
        long rhs = (long) r.numerator() * held;
        boolean reached = held > 0 && (r.inclusive() ? lhs >= rhs : lhs > rhs);
        return new AbsenceCheck(reached, List.of(), absent, held, null, wording, rule, List.of());
    }

    /** The member's absences in the words of the threshold's basis, for a message; null when not all were sent. */
    private String facts() {
        if (consecutive != null) {
            return "无正当理由连续" + consecutive + "次不参加业主委员会会议";
        }
        return absent == null || held == null ? null : "近12个月缺席业主委员会会议" + absent + "次（共召开" + held + "次）";
    }

    /** The figures against the threshold; when reached, also the consequence the threshold's entry names. */
    @Override
    public void report(Report finding) {
        finding.source(rule).detail("absent", absent).detail("held", held).detail("consecutive", consecutive)
                .detail("threshold", wording).detail("missing", missing.isEmpty() ? null : missing)
                .detail("absenceFacts", facts());
        if (reached) {
            finding.sources(consequences).actions(Consequences.actions(consequences));
        }
    }
}
