package cn.propertycompliance.facts;

import java.time.LocalDate;
import java.util.List;

/** The owner committee (业主委员会) and its members' conduct. */
public record Committee(LocalDate electedOn, List<Member> members) {

    public Committee {
        members = members == null ? List.of() : List.copyOf(members);
    }

    public enum Role { CHAIR, VICE_CHAIR, MEMBER }

    /** The api.md conduct codes, with a short Chinese label for messages (a label, not any text's legal wording). */
    public enum ConductCode {
        OBSTRUCT_ASSEMBLY("阻挠、妨碍业主大会行使职权"),
        FALSIFY_RECORDS("虚构、篡改、隐匿、毁弃文件资料"),
        WITHHOLD_HANDOVER_MATERIALS("拒绝、拖延提供或移交资料"),
        UNAUTHORIZED_SEAL_USE("擅自使用印章"),
        UNAUTHORIZED_CONTRACT("未经授权签订、修改物业服务合同"),
        MISAPPROPRIATE_COMMON_PROPERTY("挪用、侵占业主共有财产"),
        ACCEPT_BENEFITS("索取、收受利益或与物业服务人利益交换"),
        LEAK_OWNER_INFO("泄露业主信息"),
        ILLEGAL_CONSTRUCTION("违法搭建"),
        FEE_ARREARS("欠交物业费"),
        FUND_ARREARS("欠交专项维修资金"),
        FORGE_VOTES("伪造选票"),
        RETALIATE_COMPLAINANT("打击报复投诉人"),
        REFUSE_DUTIES("拒不履行职责"),
        OTHER_HARM("侵害业主合法权益的其他行为");

        private final String chineseName;

        ConductCode(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    public record Conduct(ConductCode code, LocalDate date) {
    }

    /**
     * A member. {@code name}, {@code idCardNumber} and {@code phone} are personal data: accepted so that callers
     * need not strip them, masked before anything is stored, never logged, never matched by rules.
     */
    public record Member(
            String id,
            String name,
            String idCardNumber,
            String phone,
            Role role,
            Boolean partyMember,
            Boolean owner,
            List<Conduct> conduct,
            Integer meetingsHeldLast12Months,
            Integer meetingsAbsentLast12Months,
            Integer consecutiveUnexcusedAbsences,
            Boolean relativeEmployedByProvider,
            Boolean dishonestJudgmentDebtor) {

        public Member {
            conduct = conduct == null ? List.of() : List.copyOf(conduct);
        }

        @Override
        public String toString() {
            // Personal data never reaches a log line through toString().
            return "Member[id=" + id + ", role=" + role + "]";
        }
    }
}
