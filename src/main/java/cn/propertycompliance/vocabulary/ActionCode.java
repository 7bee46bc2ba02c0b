package cn.propertycompliance.vocabulary;

import java.util.Arrays;
import java.util.Optional;

/**
 * The action codes of api.md ({@code actions[].code}). Rules name them as {@code ActionCode.FILE_NOW}, so a misspelt
 * code does not compile; parameter tables that prescribe actions are checked against this list when a release loads.
 */
public enum ActionCode {
    SUSPEND_DUTIES, PROPOSE_REMOVAL, PUBLIC_NOTICE, FILE_NOW, STOP_CHARGING, REFUND, RESTORE_AGREED_PRICE,
    HOLD_OWNER_VOTE, APPLY_EMERGENCY_USE, AUTHORITY_APPROVAL, PROXY_REPAIR, DEVELOPER_REPAIR, LIABLE_PARTY_PAYS,
    PUBLICIZE_COST;

    public static Optional<ActionCode> parse(String code) {
        return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
    }
}
