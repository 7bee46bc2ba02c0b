package cn.propertycompliance.console;

import cn.propertycompliance.ruleset.ActiveRelease;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page shows: who is signed in with which roles, and the Chinese words for states and verdicts. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    private final ActiveRelease active;

    ConsoleModel(ActiveRelease active) {
        this.active = active;
    }

    /** Enum constants as the pages name them. */
    static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("NON_COMPLIANT", "不合规"), Map.entry("INDETERMINATE", "无法判断"),
            Map.entry("NEEDS_REVIEW", "需人工复核"), Map.entry("COMPLIANT", "合规"),
            Map.entry("VIOLATION", "违规"), Map.entry("WARNING", "提示"), Map.entry("INFO", "信息"),
            Map.entry("CHECKED", "已检查，待审核"), Map.entry("REJECTED", "已驳回"), Map.entry("APPROVED", "已审核，待启用"),
            Map.entry("ACTIVE", "生效中"), Map.entry("RETIRED", "已停用"),
            Map.entry("OPEN", "编辑中"), Map.entry("SUBMITTED", "已提交"),
            Map.entry("FEE", "物业服务收费"), Map.entry("FILING", "备案"), Map.entry("COMMITTEE", "业主委员会"),
            Map.entry("REPAIR", "维修资金应急使用"),
            Map.entry("OFFICIAL", "正式文本"), Map.entry("SECONDARY", "二手来源"), Map.entry("INTERPRETATION", "解释性取值"),
            Map.entry("PENDING", "待公布"),
            // audit actions (ReleaseService), as the history table names them
            Map.entry("EVENT_SUBMITTED", "提交"), Map.entry("EVENT_APPROVED", "审核通过并签名"),
            Map.entry("EVENT_REVIEW_REJECTED", "驳回"), Map.entry("EVENT_ACTIVATED", "启用"), Map.entry("EVENT_RETIRED", "停用"),
            Map.entry("EVENT_ACTIVATION_SCHEDULED", "定时启用"), Map.entry("EVENT_ACTIVATION_REFUSED", "定时启用被拒绝"));

    @ModelAttribute
    void signedIn(HttpServletRequest request, Model model) {
        model.addAllAttributes(common(request));
    }

    /** Also for the pages of {@link ConsoleErrors}, which model attribute methods do not reach. */
    Map<String, Object> common(HttpServletRequest request) {
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("user", request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName());
        model.put("officer", request.isUserInRole(ConsoleSecurity.OFFICER));
        model.put("reviewer", request.isUserInRole(ConsoleSecurity.REVIEWER));
        model.put("words", WORDS);
        model.put("servedId", active.current().id());
        return model;
    }
}
