package cn.propertycompliance.evaluation;

import cn.propertycompliance.calendar.LegalCalendar;
import cn.propertycompliance.facts.Fee;
import cn.propertycompliance.fee.FeeAssessment;
import cn.propertycompliance.parameters.ParameterView;
import cn.propertycompliance.vocabulary.Area;
import java.util.ArrayList;
import java.util.List;

/** 前期物业服务收费: the fee block, its charged items, and the {@link FeeAssessment} of the tables in force. */
record FeeModule() implements AreaModule {

    @Override
    public Area area() {
        return Area.FEE;
    }

    @Override
    public String blockName() {
        return "fee";
    }

    @Override
    public Fee block(EvaluationRequest request) {
        return request.fee();
    }

    @Override
    public List<Object> facts(EvaluationRequest request, ParameterView params, LegalCalendar calendar) {
        List<Object> facts = new ArrayList<>();
        facts.add(request.fee());
        facts.addAll(request.fee().chargedItems());
        facts.add(FeeAssessment.of(request.fee(), params));
        return facts;
    }
}
