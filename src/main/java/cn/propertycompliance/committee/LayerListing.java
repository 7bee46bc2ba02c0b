package cn.propertycompliance.committee;

import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.parameters.ParameterView;
import cn.propertycompliance.vocabulary.Report;
import cn.propertycompliance.vocabulary.Reportable;
import java.util.ArrayList;
import java.util.List;

/**
 * A member's reported conduct matched on one layer's own negative list — a derived fact, one per member and layer
 * whose list holds the conduct. Lists of different layers add up (山东 第三十四条 and 淄博 第三十三条 both apply in 淄博),
 * so each text gives its own finding with its own items, consequence and clause; a layer names its text in
 * {@code committee.negativeListBasis}, so one national rule serves every jurisdiction.
 *
 * @param basis the layer's {@code committee.negativeListBasis} entry (its citation is the finding's clause)
 */
public record LayerListing(MemberAssessment member, String layer, MemberMatch match, ParameterValue basis)
        implements Reportable {

    public static final String BASIS_TABLE = "committee.negativeListBasis";

    /** One fact per layer of the chain whose own list holds the member's conduct, broadest layer first. */
    static List<LayerListing> of(MemberAssessment member, ParameterView params) {
        List<LayerListing> out = new ArrayList<>();
        for (String layer : params.layers()) {
            MemberMatch match = member.negativeListOfLayer(layer);
            if (match.isListed()) {
                out.add(new LayerListing(member, layer, match, params.onlyLayer(layer).value(BASIS_TABLE)));
            }
        }
        return out;
    }

    @Override
    public String subject() {
        return member.subject();
    }

    /** The member, the matched items with their entries and consequences, and the layer's text with its clause. */
    @Override
    public void report(Report finding) {
        member.report(finding);
        match.report(finding);
        finding.sources(List.of(basis)); // its clause only: the items' entries give the finding's parameter status
        if (basis.isAvailable()) {
            ListBasis b = basis.as(ListBasis.class);
            finding.detail("memberTitle", b.member()).detail("listFinding", b.finding());
        }
    }
}
