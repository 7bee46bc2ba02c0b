package cn.propertycompliance.review;

import cn.propertycompliance.parameters.ParameterEntry;

/**
 * Two layers' values of one parameter that a reviewer must look at together (section 3): {@code broader} is the
 * value of the enclosing layer, {@code narrower} the more specific one that wins where both are in force.
 */
public record ParameterConflict(Kind kind, String table, ParameterEntry broader, ParameterEntry narrower, String field,
                                String explanation) {

    public enum Kind {
        /** Both layers set a value for the same key and dates, and the narrower does not say {@code overrides: true}. */
        SET_BY_TWO_LAYERS("两层同时设定，未声明替换"),
        /** The narrower layer's PENDING entry hides a value the broader layer has, without saying so. */
        PENDING_HIDES_VALUE("下级待公布，遮蔽上级已有取值"),
        /** The table states which direction is stricter, and the narrower value is less strict. */
        LESS_STRICT("下级取值宽于上级");

        private final String chineseName;

        Kind(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }
}
