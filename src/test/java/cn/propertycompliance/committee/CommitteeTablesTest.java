package cn.propertycompliance.committee;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.facts.Committee.ConductCode;
import cn.propertycompliance.parameters.ParameterEntry;
import cn.propertycompliance.parameters.ParameterStatus;
import cn.propertycompliance.parameters.ParameterTable;
import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.policy.Citation;
import cn.propertycompliance.region.Region;
import cn.propertycompliance.ruleset.Release;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The committee tables of the repository hold together: every local wording is the cited clause's own text, every
 * consequence an entry names exists where the entry applies, keys are api.md codes, actions are committee actions.
 */
class CommitteeTablesTest {

    private static final Release RELEASE = RepoRelease.get();
    private static final Set<String> GROUNDS = Set.of("NOT_OWNER", "RELATIVE_EMPLOYED_BY_PROVIDER", "DISHONEST_JUDGMENT_DEBTOR");
    private static final Set<String> CONDUCT = Arrays.stream(ConductCode.values()).map(Enum::name).collect(Collectors.toSet());
    private static final Set<String> COMMITTEE_ACTIONS = Set.of("SUSPEND_DUTIES", "PROPOSE_REMOVAL", "PUBLIC_NOTICE");

    private static List<ParameterEntry> entries(String table) {
        return RELEASE.parameters().table(table).map(ParameterTable::entries).orElseThrow();
    }

    private static List<ParameterEntry> listEntries() {
        List<ParameterEntry> all = new ArrayList<>(entries(MemberLists.NEGATIVE_LIST));
        all.addAll(entries(MemberLists.QUALIFICATION));
        all.addAll(entries(AbsenceCheck.TABLE));
        return all;
    }

    private static String compact(String s) {
        return s.replaceAll("[\\s\\u3000]+", "");
    }

    @Test
    void everyWordingIsCutFromACitedClause() {
        List<String> problems = new ArrayList<>();
        for (String table : List.of(MemberLists.NEGATIVE_LIST, MemberLists.QUALIFICATION, AbsenceCheck.TABLE,
                PartyShare.TABLE, CommitteeSize.TABLE)) {
            for (ParameterEntry e : entries(table)) {
                for (String field : List.of("wording", "requirement")) {
                    Object text = e.value().get(field);
                    if (text != null && e.citations().stream().map(Citation::text).noneMatch(t -> compact(t).contains(compact(text.toString())))) {
                        problems.add(e.where() + " " + field + " '" + text + "' is in none of " + e.cite());
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void listedItemsHaveItemWordingAndACitationOfThatItem() {
        List<String> problems = new ArrayList<>();
        for (ParameterEntry e : listEntries()) {
            if (e.status() == ParameterStatus.PENDING || e.value().containsKey("listed") || e.table().equals(AbsenceCheck.TABLE)) {
                continue;
            }
            Object item = e.value().get("item");
            if (item == null || e.value().get("wording") == null) {
                problems.add(e.where() + " has no item or wording");
            } else if (e.citations().stream().noneMatch(c -> c.clause().equals(item.toString()))) {
                problems.add(e.where() + " item " + item + " is not among its citations " + e.cite());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyNamedConsequenceExistsWhereAndWhenTheEntryApplies() {
        List<String> problems = new ArrayList<>();
        for (ParameterEntry e : listEntries()) {
            Object name = e.value().get("consequence");
            if (name == null) {
                continue;
            }
            Region region = RepoRelease.REGIONS.resolve(e.jurisdiction()).orElseThrow();
            ParameterValue c = RELEASE.parameters().lookup(Consequences.TABLE, region.layers(), e.effectiveFrom(), name);
            if (!c.isAvailable()) {
                problems.add(e.where() + " names consequence " + name + ", not in force for " + e.jurisdiction() + " on " + e.effectiveFrom());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void keysAreApiCodesAndActionsAreCommitteeActionsWithWhoAndWhat() {
        entries(MemberLists.NEGATIVE_LIST).forEach(e -> {
            if (e.key().containsKey("conduct")) {
                assertThat(CONDUCT).as(e.where()).contains(e.key().get("conduct"));
            }
        });
        entries(MemberLists.QUALIFICATION).forEach(e ->
                assertThat(e.key().get("ground")).as(e.where()).isIn(union(CONDUCT, GROUNDS)));
        for (ParameterEntry e : entries(Consequences.TABLE)) {
            List<?> actions = (List<?>) e.value().get("actions");
            assertThat(actions).as(e.where()).isNotEmpty();
            for (Object o : actions) {
                Map<?, ?> a = (Map<?, ?>) o;
                assertThat(a.get("code")).as(e.where()).isIn(COMMITTEE_ACTIONS.toArray());
                assertThat(a.get("by")).as(e.where()).isNotNull();
                assertThat(a.get("message")).as(e.where()).isNotNull();
            }
        }
    }

    @Test
    void everyListHasItsOwnerLayerComplete() {
        // A layer with items also says that unmapped codes are not listed there (no fall-through to a broader list).
        Map<String, List<ParameterEntry>> byLayer = entries(MemberLists.NEGATIVE_LIST).stream()
                .collect(Collectors.groupingBy(ParameterEntry::jurisdiction));
        byLayer.forEach((layer, list) -> {
            boolean hasItems = list.stream().anyMatch(e -> e.value().containsKey("item"));
            boolean closed = list.stream().anyMatch(e -> e.key().isEmpty()
                    && (e.status() == ParameterStatus.PENDING || Boolean.FALSE.equals(e.value().get("listed"))));
            assertThat(closed).as("layer " + layer + " (items: " + hasItems + ") has a keyless 'listed: false' or PENDING entry").isTrue();
        });
    }

    @Test
    void everyLayerWithListedItemsNamesItsTextFromTheFirstItemOn() {
        // CN-COMMITTEE-NEGATIVE-LIST reads each layer's own list (LayerListing) and takes the article it cites from that
        // layer's committee.negativeListBasis entry: a layer with items but no such entry in force would give a finding
        // with no clause and an unrendered message.
        ParameterTable basis = RELEASE.parameters().table(LayerListing.BASIS_TABLE).orElseThrow();
        List<String> problems = new ArrayList<>();
        entries(MemberLists.NEGATIVE_LIST).stream().filter(e -> e.value().containsKey("item")).forEach(item -> {
            boolean named = basis.entries().stream().anyMatch(b -> b.jurisdiction().equals(item.jurisdiction())
                    && b.inForceOn(item.effectiveFrom()) && !b.cite().isEmpty());
            if (!named) {
                problems.add(item.where() + ": no committee.negativeListBasis entry of layer " + item.jurisdiction()
                        + " in force on " + item.effectiveFrom());
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void listsThatAddUpAreDeclaredSo() {
        // Both lists apply in these cities (see each file's comment): declared, so the review does not call them conflicts.
        ParameterTable table = RELEASE.parameters().table(MemberLists.NEGATIVE_LIST).orElseThrow();
        assertThat(table.addingLayers()).as("layers declaring addsToBroaderLayers").containsExactlyInAnyOrder("370200", "370300", "410100");
        assertThat(RELEASE.parameters().table(LayerListing.BASIS_TABLE).orElseThrow().addingLayers())
                .containsExactlyInAnyOrder("370200", "370300", "410100");
        // Each layer's list is read on its own, so two lists on one chain always both apply: a city list that replaced
        // the province's would need another rule. Every narrower list under a broader one must say that it adds up.
        Set<String> withItems = table.entries().stream().filter(e -> e.value().containsKey("item"))
                .map(ParameterEntry::jurisdiction).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (String layer : withItems) {
            RepoRelease.REGIONS.resolve(layer).orElseThrow().layers().stream()
                    .filter(broader -> !broader.equals(layer) && withItems.contains(broader))
                    .filter(broader -> !table.addingLayers().contains(layer))
                    .forEach(broader -> problems.add("layer " + layer + " lists items under " + broader
                            + "'s list without addsToBroaderLayers"));
        }
        assertThat(problems).isEmpty();
    }

    private static Object[] union(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray();
    }
}
