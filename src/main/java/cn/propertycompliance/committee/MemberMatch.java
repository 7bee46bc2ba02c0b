package cn.propertycompliance.committee;

import cn.propertycompliance.facts.Committee;
import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.vocabulary.Action;
import cn.propertycompliance.vocabulary.Report;
import cn.propertycompliance.vocabulary.Reportable;
import java.util.List;

/**
 * What one member's facts matched in one committee list of the jurisdiction in force (its negative list or its
 * qualifications): the matched items, the codes whose listing is PENDING, the parameter values relied on (items and
 * consequences, for citations) and the actions the consequence clauses prescribe.
 */
public record MemberMatch(String codesKey, List<ListedItem> items, List<String> pendingCodes, String pendingReason,
                          List<ParameterValue> sources, List<Action> actions) implements Reportable {

    /** Nothing matched and nothing pending (shared: a match is immutable). */
    public static final MemberMatch NONE = new MemberMatch("conduct", List.of(), List.of(), null, List.of(), List.of());

    public MemberMatch {
        items = List.copyOf(items);
        pendingCodes = List.copyOf(pendingCodes);
        sources = List.copyOf(sources);
        actions = List.copyOf(actions);
    }

    /** At least one item of the list matched. */
    public boolean isListed() {
        return !items.isEmpty();
    }

    /** At least one reported code could not be judged because the list is PENDING here. */
    public boolean isPending() {
        return !pendingCodes.isEmpty();
    }

    /** The matched items for {@code details.items}; a message names each clause item once. (Not a bean getter:
     * a property "listed" would clash with {@link #isListed()} in rule conditions.) */
    public ListedItems listedItems() {
        return new ListedItems(items);
    }

    /** The PENDING conduct codes as Chinese labels, for messages. */
    public List<String> getPendingNames() {
        return pendingCodes.stream().map(c -> Committee.ConductCode.valueOf(c).chineseName()).toList();
    }

    /** The codes that matched, in the order reported. */
    public List<String> getCodes() {
        return items.stream().map(ListedItem::code).toList();
    }

    /**
     * The matched items: codes (under {@code conduct} or {@code grounds}), items, their entries and consequences, and
     * the actions those prescribe. Codes whose list is PENDING are reported by {@link #pendingMatch()}.
     */
    @Override
    public void report(Report finding) {
        finding.sources(sources).detail(codesKey, getCodes()).detail("items", listedItems()).detail("basis", basis())
                .actions(actions);
    }

    /**
     * The documents the matched entries cite first (物业管理条例, 北京市物业管理条例 …), so a message can name the text
     * its clause items belong to; null when no entry cites one.
     */
    String basis() {
        String titles = sources.stream().filter(v -> !v.getCitations().isEmpty()).map(v -> v.getCitations().get(0).title())
                .distinct().collect(java.util.stream.Collectors.joining("、"));
        return titles.isEmpty() ? null : titles;
    }

    /** The codes that could not be judged because the list is PENDING here, for a PARAMETER_UNAVAILABLE finding. */
    public Reportable pendingMatch() {
        return finding -> finding.sources(sources).detail(codesKey, pendingCodes).detail("conductNames", getPendingNames())
                .detail("parameter", MemberLists.NEGATIVE_LIST).detail("reason", pendingReason);
    }
}
