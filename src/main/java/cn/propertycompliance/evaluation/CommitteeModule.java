package cn.propertycompliance.evaluation;

import cn.propertycompliance.calendar.LegalCalendar;
import cn.propertycompliance.committee.CommitteeAssessment;
import cn.propertycompliance.facts.Committee;
import cn.propertycompliance.parameters.ParameterView;
import cn.propertycompliance.vocabulary.Area;
import java.util.ArrayList;
import java.util.List;

/** 业主委员会: the committee, its members, and the committee and member assessments ({@link CommitteeAssessment}). */
record CommitteeModule() implements AreaModule {

    @Override
    public Area area() {
        return Area.COMMITTEE;
    }

    @Override
    public String blockName() {
        return "committee";
    }

    @Override
    public Committee block(EvaluationRequest request) {
        return request.committee();
    }

    @Override
    public List<Object> facts(EvaluationRequest request, ParameterView params, LegalCalendar calendar) {
        List<Object> facts = new ArrayList<>();
        facts.add(request.committee());
        facts.addAll(request.committee().members());
        facts.addAll(CommitteeAssessment.derive(params, request.committee(), request.community()));
        return facts;
    }
}
