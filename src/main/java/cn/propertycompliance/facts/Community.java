package cn.propertycompliance.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/** 小区 / 物业管理区域: the community every finding is about. */
public record Community(
        String id,
        String name,
        LocalDate completionAcceptanceDate,
        LocalDate deliveryDate,
        Boolean ownersAssemblyEstablished,
        Boolean ownerCommitteeEstablished,
        BigDecimal totalExclusiveArea,
        Integer totalOwners,
        Integer households) {
}
