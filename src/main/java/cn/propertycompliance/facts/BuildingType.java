package cn.propertycompliance.facts;

/** 高层, 多层, 多层（有电梯）, 别墅. */
public enum BuildingType {
    HIGH_RISE("高层住宅"),
    MULTI_STOREY("多层住宅"),
    MULTI_STOREY_WITH_LIFT("多层电梯住宅"),
    VILLA("别墅");

    private final String chineseName;

    BuildingType(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
