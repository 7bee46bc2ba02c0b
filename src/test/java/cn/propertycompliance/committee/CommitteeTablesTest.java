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
    void aRuleReadingOneLayersListNamesItsOwnLayer() {
        // MemberLists.negativeListOfLayer($m, params, "CODE") in a rule: CODE must be the rule's own jurisdiction, or the
        // rule would silently read another layer's list (or, outside the chain, none).
        java.util.regex.Pattern call = java.util.regex.Pattern.compile("negativeListOfLayer\\([^)]*\"(\\d{6})\"\\)");
        Map<String, String> texts = RELEASE.files().stream()
                .collect(Collectors.toMap(f -> f.path(), f -> f.text(), (a, b) -> a));
        List<String> problems = new ArrayList<>();
        int calls = 0;
        for (var rule : RELEASE.rules()) {
            String text = texts.get(rule.file());
            assertThat(text).as(rule.where()).isNotNull();
            int start = text.indexOf("rule \"" + rule.id() + "\"");
            int end = text.indexOf("\nend", start);
            java.util.regex.Matcher m = call.matcher(text.substring(start, end));
            while (m.find()) {
                calls++;
                if (!m.group(1).equals(rule.jurisdiction())) {
                    problems.add(rule.where() + " " + rule.id() + " reads layer " + m.group(1) + " but is of layer " + rule.jurisdiction());
                }
            }
        }
        assertThat(calls).as("rules reading one layer's list").isGreaterThanOrEqualTo(4);
        assertThat(problems).isEmpty();
    }

    /** The layers whose rules read their own negative list (negativeListOfLayer with the rule's own code). */
    private static Set<String> layersReadOneByOne() {
        java.util.regex.Pattern call = java.util.regex.Pattern.compile("negativeListOfLayer\\([^)]*\"(\\d{6})\"\\)");
        Set<String> layers = new java.util.TreeSet<>();
        RELEASE.files().stream().filter(f -> f.path().endsWith(".drl"))
                .forEach(f -> call.matcher(f.text()).results().forEach(m -> layers.add(m.group(1))));
        return layers;
    }

    @Test
    void aListThatAddsToBroaderListsIsReadLayerByLayerAndSoAreTheBroaderOnes() {
        // If a broader layer's rule read the chain's most specific entry, it would see the narrower list as its own.
        ParameterTable table = RELEASE.parameters().table(MemberLists.NEGATIVE_LIST).orElseThrow();
        assertThat(table.addingLayers()).as("layers declaring addsToBroaderLayers").containsExactlyInAnyOrder("370200", "370300", "410100");
        Set<String> readOneByOne = layersReadOneByOne();
        Set<String> layersWithEntries = table.entries().stream().map(ParameterEntry::jurisdiction).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (String adding : table.addingLayers()) {
            for (String layer : RepoRelease.REGIONS.resolve(adding).orElseThrow().layers()) {
                if (layersWithEntries.contains(layer) && !readOneByOne.contains(layer)) {
                    problems.add("layer " + layer + " has negative-list entries in the chain of " + adding
                            + " (addsToBroaderLayers) but no rule reading them with negativeListOfLayer");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static Object[] union(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray();
    }
}
