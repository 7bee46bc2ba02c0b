package cn.propertycompliance.fee;

import java.math.BigDecimal;

/** The value type of {@code fee.guidancePrice}: 基准价 and 浮动幅度 (0.15 = ±15%). */
public record GuidancePrice(BigDecimal basePrice, BigDecimal band) {
}
