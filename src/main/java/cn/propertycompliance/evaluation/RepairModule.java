package cn.propertycompliance.evaluation;

import cn.propertycompliance.calendar.LegalCalendar;
import cn.propertycompliance.facts.Repair;
import cn.propertycompliance.parameters.ParameterView;
import cn.propertycompliance.repair.RepairAssessor;
import cn.propertycompliance.vocabulary.Area;
import cn.propertycompliance.vocabulary.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * 维修资金应急使用: the repair, its assessment and vote tally ({@link RepairAssessor}), and the area's eligibility
 * ({@link RepairEligibility}).
 */
record RepairModule() implements AreaModule {

    @Override
    public Area area() {
        return Area.REPAIR;
    }

    @Override
    public String blockName() {
        return "repair";
    }

    @Override
    public Repair block(EvaluationRequest request) {
        return request.repair();
    }

    @Override
    public List<Object> facts(EvaluationRequest request, ParameterView params, LegalCalendar calendar) {
        List<Object> facts = new ArrayList<>();
        facts.add(request.repair());
        facts.addAll(RepairAssessor.derive(params, request.community(), request.repair()));
        return facts;
    }

    @Override
    public String eligibility(List<Finding> findings) {
        return RepairEligibility.of(findings);
    }
}
