package cn.propertycompliance.committee;

import cn.propertycompliance.facts.Committee.Conduct;
import cn.propertycompliance.facts.Committee.Member;
import cn.propertycompliance.parameters.ParameterStatus;
import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.parameters.ParameterView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches a member against the jurisdiction's committee lists, which are parameter tables keyed by code:
 * <ul>
 *   <li>{@code committee.negativeList} (key {@code conduct}: an api.md conduct code) — 负面清单 items;</li>
 *   <li>{@code committee.qualification} (key {@code ground}: {@code NOT_OWNER}, {@code RELATIVE_EMPLOYED_BY_PROVIDER},
 *       {@code DISHONEST_JUDGMENT_DEBTOR} or a conduct code that disqualifies, e.g. {@code FEE_ARREARS} in 上海).</li>
 * </ul>
 * An entry is a listed item when it has {@code item} and {@code wording}; an entry {@code listed: false} (usually
 * without a key, i.e. for every other code) says the jurisdiction's list is complete, so the code is not on it even if
 * a broader layer lists it; a PENDING entry means the list exists in law but its items are not available.
 * A code with no entry in the chain is simply not listed: no finding.
 *
 * <p>Two ways to read a negative list across layers. {@link #negativeList} takes each code from the most specific layer
 * that has an entry for it: a local list replaces the broader one. {@link #negativeListOfLayer} reads one layer's own
 * entries only, for lists that add up — a province's and a city's list both in force in the city, each matched by a
 * rule of its own layer with its own clause and consequence (山东 第三十四条 and 淄博 第三十三条; 河南 第三十一条 and
 * 郑州 第二十四条). A consequence is still looked up along the whole chain.
 */
public final class MemberLists {

    public static final String NEGATIVE_LIST = "committee.negativeList";
    public static final String QUALIFICATION = "committee.qualification";

    private MemberLists() {
    }

    /**
     * The member's reported conduct on the negative list. Each conduct is judged by the list in force on the day it
     * happened (asOf when undated): a list does not reach back before it took effect. Conduct dated after asOf has
     * not happened yet on the day judged and is left out.
     */
    public static MemberMatch negativeList(Member member, ParameterView params) {
        return matchNegativeList(member, params, params);
    }

    /**
     * As {@link #negativeList(Member, ParameterView)}, but only the entries of the layer {@code jurisdiction} count
     * (a code that layer does not map is not on its list, whatever other layers say). The rule calling it names its
     * own layer's code; a layer outside the request's chain matches nothing.
     */
    public static MemberMatch negativeListOfLayer(Member member, ParameterView params, String jurisdiction) {
        return matchNegativeList(member, params.onlyLayer(jurisdiction), params);
    }

    private static MemberMatch matchNegativeList(Member member, ParameterView lists, ParameterView params) {
        if (member.conduct().isEmpty()) {
            return MemberMatch.NONE; // most members: nothing reported, nothing to look up
        }
        Matcher m = new Matcher(lists, params, NEGATIVE_LIST);
        for (Conduct c : member.conduct()) {
            if (c == null || c.code() == null) {
                continue;
            }
            LocalDate on = c.date() == null ? params.asOf() : c.date();
            if (!on.isAfter(params.asOf())) {
                m.consider(c.code().name(), on);
            }
        }
        return m.result();
    }

    /**
     * The qualifications the member fails today (asOf): not an owner, a relative employed by the provider, a
     * dishonest judgment debtor (each only when the fact was sent as such), and reported conduct that the
     * jurisdiction makes a disqualification (e.g. 上海 欠交物业服务费或者专项维修资金).
     */
    public static MemberMatch qualifications(Member member, ParameterView params) {
        Matcher m = new Matcher(params, params, QUALIFICATION);
        LocalDate asOf = params.asOf();
        if (Boolean.FALSE.equals(member.owner())) {
            m.consider("NOT_OWNER", asOf);
        }
        if (Boolean.TRUE.equals(member.relativeEmployedByProvider())) {
            m.consider("RELATIVE_EMPLOYED_BY_PROVIDER", asOf);
        }
        if (Boolean.TRUE.equals(member.dishonestJudgmentDebtor())) {
            m.consider("DISHONEST_JUDGMENT_DEBTOR", asOf);
        }
        for (Conduct c : member.conduct()) {
            if (c != null && c.code() != null && (c.date() == null || !c.date().isAfter(asOf))) {
                m.consider(c.code().name(), asOf);
            }
        }
        return m.result();
    }

    /** Collects matches for one table; a code matched once is not matched again. */
    private static final class Matcher {
        private final ParameterView lists;
        private final ParameterView params;
        private final String table;
        private final Map<String, ListedItem> items = new LinkedHashMap<>();
        private final Map<String, ParameterValue> itemSources = new LinkedHashMap<>();
        private final Map<String, ParameterValue> pending = new LinkedHashMap<>();

        /** @param lists where the table's entries are looked up; {@code params} where consequences are */
        Matcher(ParameterView lists, ParameterView params, String table) {
            this.lists = lists;
            this.params = params;
            this.table = table;
        }

        void consider(String code, LocalDate on) {
            if (items.containsKey(code)) {
                return;
            }
            ParameterValue v = lists.valueOn(on, table, code);
            if (!v.isFound()) {
                return;
            }
            if (v.getStatus() == ParameterStatus.PENDING) {
                pending.putIfAbsent(code, v);
            } else if (v.isAvailable() && v.as(ListEntry.class).item() != null && !Boolean.FALSE.equals(v.as(ListEntry.class).listed())) {
                ListEntry e = v.as(ListEntry.class);
                items.put(code, new ListedItem(code, e.item(), e.wording(), v.getStatus().name(), v.getNote()));
                itemSources.put(code, v);
                pending.remove(code);
            }
        }

        MemberMatch result() {
            if (items.isEmpty() && pending.isEmpty()) {
                return MemberMatch.NONE;
            }
            List<ParameterValue> sources = new ArrayList<>(itemSources.values());
            List<String> consequenceNames = itemSources.values().stream()
                    .map(Consequences::consequenceOf).filter(java.util.Objects::nonNull).toList();
            List<ParameterValue> consequences = Consequences.lookup(params, consequenceNames);
            sources.addAll(consequences);
            sources.addAll(pending.values());
            String reason = pending.values().stream().findFirst().map(ParameterValue::getReason).orElse(null);
            return new MemberMatch(table.equals(QUALIFICATION) ? "grounds" : "conduct", List.copyOf(items.values()), List.copyOf(pending.keySet()), reason, sources,
                    Consequences.actions(consequences));
        }
    }
}
