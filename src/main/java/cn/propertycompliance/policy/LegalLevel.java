package cn.propertycompliance.policy;

import java.util.Arrays;
import java.util.Optional;

/**
 * Rank in the legal hierarchy (立法法), highest first. 部门规章 and 地方政府规章 have equal force; they are
 * ordered here only so a report sorts deterministically.
 */
public enum LegalLevel {
    LAW("法律"),
    ADMINISTRATIVE_REGULATION("行政法规"),
    JUDICIAL_INTERPRETATION("司法解释"),
    LOCAL_REGULATION("地方性法规"),
    DEPARTMENTAL_RULE("部门规章"),
    LOCAL_GOVERNMENT_RULE("地方政府规章"),
    NORMATIVE_DOCUMENT("规范性文件"),
    POLICY_DOCUMENT("政策文件");

    private final String chineseName;

    LegalLevel(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    public static Optional<LegalLevel> ofChinese(String name) {
        return Arrays.stream(values()).filter(l -> l.chineseName.equals(name)).findFirst();
    }
}
