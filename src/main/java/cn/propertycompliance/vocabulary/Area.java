package cn.propertycompliance.vocabulary;

/** The four policy areas, in the order findings are reported. */
public enum Area {
    FEE("前期物业服务收费"),
    FILING("五大备案"),
    COMMITTEE("业主委员会"),
    REPAIR("维修资金应急使用");

    private final String chineseName;

    Area(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
