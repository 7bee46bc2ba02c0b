package cn.propertycompliance.facts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A repair request against the housing maintenance fund (住宅专项维修资金).
 *
 * <p>{@code endangersSafety}: true when the situation already affects the normal use of the building or endangers
 * residents' persons or property — the wording of 上海 第七十三条第三款第（二）项 ("已出现影响房屋正常使用或者居民人身
 * 财产安全情形"). Emergency lists that qualify an item by its effect ("影响正常使用", "无法正常使用", "严重",
 * "其他危及…") are read against this flag (see rules/national/parameters/repair-emergency-list.yaml).
 */
public record Repair(
        @Size(min = 1, max = Limits.MAX_ID) @Pattern(regexp = Limits.TEXT) String id,
        Category category,
        Component component,
        Boolean endangersSafety,
        @Size(max = Limits.MAX_EVIDENCE) List<@NotNull @Valid Evidence> evidence,
        Cause cause,
        LocalDate reportedOn,
        @DecimalMin("0") @DecimalMax(Limits.MAX_MONEY) @Digits(integer = Limits.MONEY_INTEGER_DIGITS, fraction = Limits.FRACTION_DIGITS) BigDecimal estimatedCost,
        Boolean fundHandedToOwnersAssembly,
        LocalDate committeeApprovalRequestedOn,
        LocalDate committeeApprovedOn,
        @Valid Vote vote) {

    public Repair {
        evidence = FactLists.copy(evidence);
    }

    /** The evidence types that were sent, by name (parameter tables list required evidence by name). */
    public List<String> evidenceTypes() {
        return evidence.stream().map(Evidence::type).filter(java.util.Objects::nonNull).map(Enum::name).distinct().toList();
    }

    /**
     * Whether the committee had approved by {@code date}. An approval dated after {@code date} had not happened yet
     * on that date.
     */
    public boolean isCommitteeApprovedBy(LocalDate date) {
        return committeeApprovedOn != null && !committeeApprovedOn.isAfter(date);
    }

    public enum Category {
        ELEVATOR_FAULT("电梯故障"),
        FIRE_FACILITY_FAULT("消防设施故障"),
        ROOF_OR_WALL_LEAK("屋面、外墙渗漏"),
        FACADE_FALLING_RISK("外立面存在脱落危险"),
        SECONDARY_WATER_SUPPLY_FAILURE("二次供水设施损坏导致供水中断"),
        DRAINAGE_FAILURE("排水设施坍塌、堵塞、爆裂"),
        RAILING_DAMAGE("公共护栏破损"),
        CURTAIN_WALL_BURST("玻璃幕墙炸裂"),
        GARAGE_FLOODING("地下车库雨水倒灌"),
        OTHER_DANGER("其他危及房屋使用和人身财产安全的情况"),
        NON_EMERGENCY("非紧急维修（计划性更新改造等）");

        private final String chineseName;

        Category(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    public enum Component {
        STRUCTURE("地基基础和主体结构"),
        ROOF_WATERPROOFING("屋面防水"),
        WALL_WATERPROOFING("外墙面防渗漏"),
        HEATING_COOLING("供热与供冷系统"),
        ELECTRICAL("电气管线"),
        PLUMBING("给排水管道"),
        EQUIPMENT_INSTALLATION("设备安装"),
        FINISHING("装修工程"),
        ELEVATOR("电梯"),
        FIRE_SYSTEM("消防设施");

        private final String chineseName;

        Component(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    public enum Cause {
        WEAR("自然损耗"),
        CONSTRUCTION_DEFECT("施工质量缺陷"),
        THIRD_PARTY_DAMAGE("人为损坏"),
        UTILITY_FACILITY("属于专业经营单位的管线和设施设备"),
        PROVIDER_CONTRACT_DUTY("属于物业服务合同约定由物业服务人承担的维修养护");

        private final String chineseName;

        Cause(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    public enum EvidenceType {
        INSPECTION_RECTIFICATION_NOTICE("检测机构出具的整改（停运）通知书"),
        FIRE_RECTIFICATION_NOTICE("消防部门出具的整改通知书"),
        QUALIFIED_BODY_CERTIFICATE("有资质的鉴定机构出具的证明"),
        WATER_AUTHORITY_CERTIFICATE("供水主管部门或者供水企业出具的证明"),
        SITE_PHOTOS("现场照片");

        private final String chineseName;

        EvidenceType(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    public record Evidence(@NotNull EvidenceType type, LocalDate issuedOn) {
    }

    /** USE: 使用维修资金 (民法典 第二百七十八条第一款第（五）项); RAISE: 筹集维修资金 (第（六）项). */
    public enum VotePurpose {
        USE("使用维修资金"),
        RAISE("筹集维修资金");

        private final String chineseName;

        VotePurpose(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    /**
     * An owners' vote on the fund. {@code costSharingArea}/{@code costSharingOwners} (optional): the total exclusive
     * area and the number of the owners within the 列支范围 — those who share the cost of this repair. Before the fund is
     * handed to the owners' assembly, 165号令 第二十二条第（二）项 counts the agreeing owners among them ("列支范围内专有部分
     * 占建筑物总面积三分之二以上的业主且占总人数三分之二以上的业主"), not among the whole community; when they are sent,
     * {@code agreeingArea}/{@code agreeingOwners} are the agreeing owners within that range.
     */
    public record Vote(
            @NotNull VotePurpose purpose,
            @DecimalMin("0") @DecimalMax(Limits.MAX_AREA) @Digits(integer = Limits.AREA_INTEGER_DIGITS, fraction = Limits.FRACTION_DIGITS) BigDecimal participatingArea,
            @Min(0) @Max(Limits.MAX_OWNERS) Integer participatingOwners,
            @DecimalMin("0") @DecimalMax(Limits.MAX_AREA) @Digits(integer = Limits.AREA_INTEGER_DIGITS, fraction = Limits.FRACTION_DIGITS) BigDecimal agreeingArea,
            @Min(0) @Max(Limits.MAX_OWNERS) Integer agreeingOwners,
            @NotNull LocalDate heldOn,
            @Schema(description = "Optional. Total exclusive area (㎡) of the owners within the 列支范围 (who share the cost). "
                    + "Before the fund is handed to the owners' assembly, a vote to use it held 2008-02-01 – 2020-12-31 is "
                    + "counted among them (165号令 第二十二条); without it that vote is FACTS_INCOMPLETE.")
            @DecimalMin("0") @DecimalMax(Limits.MAX_AREA) @Digits(integer = Limits.AREA_INTEGER_DIGITS, fraction = Limits.FRACTION_DIGITS) BigDecimal costSharingArea,
            @Schema(description = "Optional. Number of the owners within the 列支范围 (who share the cost); see costSharingArea.")
            @Min(0) @Max(Limits.MAX_OWNERS) Integer costSharingOwners) {
    }
}
