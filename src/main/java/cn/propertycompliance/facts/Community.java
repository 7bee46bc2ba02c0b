package cn.propertycompliance.facts;

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

/** 小区 / 物业管理区域: the community every finding is about. */
public record Community(
        @NotNull @Size(min = 1, max = Limits.MAX_NAME) @Pattern(regexp = Limits.TEXT) String id,
        @Size(max = Limits.MAX_NAME) @Pattern(regexp = Limits.TEXT) String name,
        LocalDate completionAcceptanceDate,
        LocalDate deliveryDate,
        Boolean ownersAssemblyEstablished,
        Boolean ownerCommitteeEstablished,
        @DecimalMin("0") @DecimalMax(Limits.MAX_AREA) @Digits(integer = Limits.AREA_INTEGER_DIGITS, fraction = Limits.FRACTION_DIGITS) BigDecimal totalExclusiveArea,
        @Min(0) @Max(Limits.MAX_OWNERS) Integer totalOwners,
        @Min(0) @Max(Limits.MAX_OWNERS) Integer households) {
}
