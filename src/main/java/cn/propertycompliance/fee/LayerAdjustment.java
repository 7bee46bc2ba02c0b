package cn.propertycompliance.fee;

import cn.propertycompliance.facts.Fee;
import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.parameters.ParameterView;
import cn.propertycompliance.vocabulary.Action;
import cn.propertycompliance.vocabulary.Report;
import cn.propertycompliance.vocabulary.Reportable;
import java.util.ArrayList;
import java.util.List;

/**
 * A price change the owners did not approve, judged under one layer's text — a derived fact, one per layer of the
 * chain whose {@code fee.unilateralAdjustment} entry in force reaches the change. Texts of different layers add up
 * (山东 第六十三条 applies in 青岛 and 淄博 beside the city's own article), so each gives its finding with its own clause
 * and orders; one national rule reports them all.
 */
public record LayerAdjustment(Fee.PriceChange change, ParameterValue rule) implements Reportable {

    public static final String TABLE = "fee.unilateralAdjustment";

    /** One fact per layer whose text reaches this unapproved change, broadest layer first; none without one. */
    public static List<LayerAdjustment> of(Fee fee, ParameterView params) {
        Fee.PriceChange c = fee.priceChange();
        if (c == null || !c.isChangingPrice() || !Boolean.FALSE.equals(c.ownersApproved())) {
            return List.of();
        }
        List<LayerAdjustment> out = new ArrayList<>();
        for (String layer : params.layers()) {
            ParameterValue v = params.onlyLayer(layer).value(TABLE);
            if (!v.isAvailable()) {
                continue;
            }
            AdjustmentRule r = v.as(AdjustmentRule.class);
            if ((r.phase() == null || r.phase() == fee.phase()) && (!Boolean.TRUE.equals(r.raisingOnly()) || c.isRaisingPrice())) {
                out.add(new LayerAdjustment(c, v));
            }
        }
        return out;
    }

    /** The prices, the text's words and orders, and its clause (not its status: the finding rests on the facts). */
    @Override
    public void report(Report finding) {
        AdjustmentRule r = rule.as(AdjustmentRule.class);
        finding.detail("fromPrice", change.fromPrice()).detail("toPrice", change.toPrice())
                .detail("adjustmentFinding", r.finding()).sources(List.of(rule));
        String from = change.fromPrice() == null ? "" : change.fromPrice().stripTrailingZeros().toPlainString(); // as a message shows it
        finding.actions(r.actions().stream().map(a -> a.toAction(""))
                .map(a -> new Action(a.code(), a.message().replace("{fromPrice}", from), a.by(), a.within())).toList());
    }
}
