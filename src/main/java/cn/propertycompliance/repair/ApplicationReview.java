package cn.propertycompliance.repair;

import cn.propertycompliance.vocabulary.PrescribedAction;
import java.util.List;

/**
 * The value type of {@code repair.applicationReview}: a local step every application to use the fund passes through,
 * emergency or not (山西 晋政办发〔2021〕55号 第1点: 街道（乡镇）审核维修资金使用申请). Its actions join the route findings.
 */
public record ApplicationReview(List<PrescribedAction> actions) {
}
