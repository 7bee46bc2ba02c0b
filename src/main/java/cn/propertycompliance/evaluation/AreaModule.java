package cn.propertycompliance.evaluation;

import cn.propertycompliance.calendar.LegalCalendar;
import cn.propertycompliance.parameters.ParameterView;
import cn.propertycompliance.vocabulary.Area;
import cn.propertycompliance.vocabulary.Finding;
import java.util.List;

/**
 * Everything the evaluation knows about one policy area: the request block that carries its facts (api.md), the facts
 * its rules match (the block's records and the assessments derived once from them and the tables in force), and any
 * result the area reports besides its status (REPAIR's eligibility). Adding an area is one module here, its enum
 * constant, its codes and its rules.
 */
sealed interface AreaModule permits FeeModule, FilingModule, CommitteeModule, RepairModule {

    /** The modules, one per {@link Area}, in the order of the enum. */
    List<AreaModule> ALL = List.of(new FeeModule(), new FilingModule(), new CommitteeModule(), new RepairModule());

    static AreaModule of(Area area) {
        return ALL.get(area.ordinal());
    }

    Area area();

    /** The name of the area's block in the request ({@code fee}, {@code filings}, …). */
    String blockName();

    /** The request's block, or null when it was not sent (the area is then not judged). */
    Object block(EvaluationRequest request);

    /** The block's facts and the assessments derived from them, for the session; called only with the block sent. */
    List<Object> facts(EvaluationRequest request, ParameterView params, LegalCalendar calendar);

    /** A result besides the area's status (api.md {@code areas.X.eligibility}), read off the area's findings; else null. */
    default String eligibility(List<Finding> findings) {
        return null;
    }
}
