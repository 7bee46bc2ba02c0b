package cn.propertycompliance.fee;

import cn.propertycompliance.facts.FeePhase;
import cn.propertycompliance.parameters.OptionalField;
import cn.propertycompliance.vocabulary.PrescribedAction;
import java.util.List;

/**
 * The value type of {@code fee.unilateralAdjustment}: one layer's text forbidding a change of the fee without the
 * owners' consent — which fees it reaches ({@code phase}: every fee when absent; 淄博 第五十二条, 杭州 第五十三条 and 山东
 * 第六十三条 only the owner-contracted one), whether only a rise counts ({@code raisingOnly}: 山东 擅自提高), what the
 * finding says under it ({@code finding}, after "由X元调整为Y元/㎡·月，") and what it orders ({@code actions}; a
 * message may name {@code {fromPrice}}).
 */
public record AdjustmentRule(@OptionalField FeePhase phase, @OptionalField Boolean raisingOnly, String finding,
                             List<PrescribedAction> actions) {
}
