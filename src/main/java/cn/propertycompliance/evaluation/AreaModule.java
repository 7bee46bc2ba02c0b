package cn.propertycompliance.evaluation;

import cn.propertycompliance.calendar.LegalCalendar;
import cn.propertycompliance.committee.CommitteeAssessment;
import cn.propertycompliance.fee.FeeAssessment;
import cn.propertycompliance.fee.LayerAdjustment;
import cn.propertycompliance.filing.FilingAssessor;
import cn.propertycompliance.parameters.ParameterView;
import cn.propertycompliance.repair.RepairAssessor;
import cn.propertycompliance.vocabulary.Area;
import cn.propertycompliance.vocabulary.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Everything the evaluation knows about one policy area: the request block that carries its facts (api.md), the facts
 * its rules match (the block's records and the assessments derived once from them and the tables in force), and any
 * result the area reports besides its status (REPAIR's eligibility). Adding an area is one module here, its enum
 * constant, its codes and its rules.
 *
 * @param blockName   the area's block in the request ({@code fee}, {@code filings}, …)
 * @param block       the request's block, or null when it was not sent (the area is then not judged)
 * @param facts       the block's facts and the assessments derived from them; called only with the block sent
 * @param eligibility a result besides the status (api.md {@code areas.X.eligibility}) read off the area's findings
 */
record AreaModule(Area area, String blockName, Function<EvaluationRequest, Object> block, Facts facts,
                  Function<List<Finding>, String> eligibility) {

    /** The session facts of one area for one request. */
    @FunctionalInterface
    interface Facts {
        void add(EvaluationRequest request, ParameterView params, LegalCalendar calendar, List<Object> out);
    }

    /** The modules, one per {@link Area}, in the order of the enum. */
    static final List<AreaModule> ALL = List.of(
            new AreaModule(Area.FEE, "fee", EvaluationRequest::fee, (r, params, calendar, out) -> {
                out.add(r.fee());
                out.addAll(r.fee().chargedItems());
                out.add(FeeAssessment.of(r.fee(), params));
                out.addAll(LayerAdjustment.of(r.fee(), params));
            }, findings -> null),
            new AreaModule(Area.FILING, "filings", EvaluationRequest::filings, (r, params, calendar, out) -> {
                out.add(r.filings());
                out.addAll(FilingAssessor.derive(calendar, params, r.filings()));
            }, findings -> null),
            new AreaModule(Area.COMMITTEE, "committee", EvaluationRequest::committee, (r, params, calendar, out) -> {
                out.add(r.committee());
                out.addAll(r.committee().members());
                out.addAll(CommitteeAssessment.derive(params, r.committee(), r.community()));
            }, findings -> null),
            new AreaModule(Area.REPAIR, "repair", EvaluationRequest::repair, (r, params, calendar, out) -> {
                out.add(r.repair());
                out.addAll(RepairAssessor.derive(params, r.community(), r.repair()));
            }, RepairEligibility::of));

    static {
        for (Area a : Area.values()) {
            if (ALL.size() <= a.ordinal() || ALL.get(a.ordinal()).area() != a) {
                throw new IllegalStateException("AreaModule.ALL must list one module per Area, in enum order: " + a);
            }
        }
    }

    static AreaModule of(Area area) {
        return ALL.get(area.ordinal());
    }

    /** The block's facts and the assessments derived from them, for the session. */
    List<Object> facts(EvaluationRequest request, ParameterView params, LegalCalendar calendar) {
        List<Object> out = new ArrayList<>();
        facts.add(request, params, calendar, out);
        return out;
    }

    Object block(EvaluationRequest request) {
        return block.apply(request);
    }

    String eligibility(List<Finding> findings) {
        return eligibility.apply(findings);
    }
}
