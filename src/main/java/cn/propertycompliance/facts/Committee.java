package cn.propertycompliance.facts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** The owner committee (业主委员会) and its members' conduct. */
public record Committee(LocalDate electedOn, @Size(max = Limits.MAX_MEMBERS) List<@NotNull @Valid Member> members) {

    public Committee {
        members = FactLists.copy(members);
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

    public record Conduct(@NotNull ConductCode code, LocalDate date) {
    }

    /**
     * A member. {@code name}, {@code idCardNumber} and {@code phone} are personal data: accepted so that callers
     * need not strip them, masked before anything is stored, never logged, never matched by rules.
     */
    public record Member(
            @NotNull @Size(min = 1, max = Limits.MAX_ID) @Pattern(regexp = Limits.TEXT) String id,
            @Size(max = Limits.MAX_ID) @Pattern(regexp = Limits.TEXT) String name,
            @Size(max = Limits.MAX_PERSONAL) @Pattern(regexp = Limits.TEXT) String idCardNumber,
            @Size(max = Limits.MAX_PERSONAL) @Pattern(regexp = Limits.TEXT) String phone,
            Role role,
            Boolean partyMember,
            Boolean owner,
            @Size(max = Limits.MAX_CONDUCT) List<@NotNull @Valid Conduct> conduct,
            @Min(0) @Max(Limits.MAX_MEETINGS) Integer meetingsHeldLast12Months,
            @Min(0) @Max(Limits.MAX_MEETINGS) Integer meetingsAbsentLast12Months,
            @Min(0) @Max(Limits.MAX_MEETINGS) Integer consecutiveUnexcusedAbsences,
            Boolean relativeEmployedByProvider,
            Boolean dishonestJudgmentDebtor) {

        public Member {
            conduct = FactLists.copy(conduct);
        }

        /** The same member with other values for the personal data (the masker's hashes). */
        public Member withPersonalData(String name, String idCardNumber, String phone) {
            return new Member(id, name, idCardNumber, phone, role, partyMember, owner, conduct, meetingsHeldLast12Months,
                    meetingsAbsentLast12Months, consecutiveUnexcusedAbsences, relativeEmployedByProvider, dishonestJudgmentDebtor);
        }

        @Override
        public String toString() {
            // Personal data never reaches a log line through toString().
            return "Member[id=" + id + ", role=" + role + "]";
        }
    }
}
