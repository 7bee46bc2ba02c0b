package cn.propertycompliance.repair;

import cn.propertycompliance.parameters.OptionalField;
import cn.propertycompliance.vocabulary.PrescribedAction;
import java.util.List;

/**
 * The value type of {@code repair.emergencyProcedure}: how a listed emergency is handled where it is the only local
 * difference — the procedure in a sentence ({@code summary}, shown in the finding's message) and its steps. Nationally
 * 165号令 第二十四条第二款; 湖北 （二十）, 清远 第五十三条, 杭州 第七十三条, 河南 第七十条, 淄博 第六十六条/第六十七条 add
 * their own entries. {@code publicityDays}: the least number of days the completed repair's cost is publicised before
 * the fund is charged, where the text fixes one (淄博 第六十七条第二款: 不少于五日), shown as {@code details.publicityDays}.
 */
public record EmergencyProcedure(String summary, List<PrescribedAction> actions, @OptionalField Integer publicityDays) {
}
