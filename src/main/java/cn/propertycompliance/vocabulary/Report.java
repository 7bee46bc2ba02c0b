package cn.propertycompliance.vocabulary;

import cn.propertycompliance.parameters.ParameterValue;
import java.util.Collection;

/** The finding being recorded, as an assessment ({@link Reportable}) fills it in. */
public interface Report {

    /** A detail; null values are left out, and the first value given for a key wins. */
    Report detail(String key, Object value);

    /** A table entry relied on: its citations join the finding's, its status and layer go to details (first wins). */
    Report source(ParameterValue value);

    /** Table entries relied on whose status each detail reports itself: only their citations join. */
    Report sources(Collection<ParameterValue> values);

    /** Actions a table prescribes (equal ones are kept once). */
    Report actions(Collection<Action> actions);
}
