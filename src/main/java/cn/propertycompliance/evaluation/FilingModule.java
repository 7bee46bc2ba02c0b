package cn.propertycompliance.evaluation;

import cn.propertycompliance.calendar.LegalCalendar;
import cn.propertycompliance.facts.Filings;
import cn.propertycompliance.filing.FilingAssessor;
import cn.propertycompliance.parameters.ParameterView;
import cn.propertycompliance.vocabulary.Area;
import java.util.ArrayList;
import java.util.List;

/** 五大备案: the filings block and one assessment per filing with a triggering event ({@link FilingAssessor}). */
record FilingModule() implements AreaModule {

    @Override
    public Area area() {
        return Area.FILING;
    }

    @Override
    public String blockName() {
        return "filings";
    }

    @Override
    public Filings block(EvaluationRequest request) {
        return request.filings();
    }

    @Override
    public List<Object> facts(EvaluationRequest request, ParameterView params, LegalCalendar calendar) {
        List<Object> facts = new ArrayList<>();
        facts.add(request.filings());
        facts.addAll(FilingAssessor.derive(calendar, params, request.filings()));
        return facts;
    }
}
