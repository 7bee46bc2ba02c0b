package cn.propertycompliance.fee;

/**
 * The value type of {@code fee.undisclosedChargeBan}: a local clause that, like 价格法 第十三条第二款, forbids charging
 * what was not publicised, in its own words. The national rule cites the entry in force besides the Price Law.
 */
public record ChargeBan(String wording) {
}
