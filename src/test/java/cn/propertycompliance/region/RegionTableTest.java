package cn.propertycompliance.region;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.RepoRelease;
import org.junit.jupiter.api.Test;

class RegionTableTest {

    private final RegionTable regions = RepoRelease.REGIONS;

    @Test
    void aDistrictResolvesToNationalProvinceCityDistrict() {
        Region r = regions.resolve("211103").orElseThrow();
        assertThat(r.layers()).containsExactly("000000", "210000", "211100", "211103");
        assertThat(r.name()).isEqualTo("辽宁省盘锦市兴隆台区");
    }

    @Test
    void municipalityDistrictsHaveNoCityLayer() {
        Region r = regions.resolve("110105").orElseThrow();
        assertThat(r.layers()).containsExactly("000000", "110000", "110105");
        assertThat(r.name()).isEqualTo("北京市朝阳区");
    }

    @Test
    void provinceAdministeredCountiesSitDirectlyUnderTheProvince() {
        assertThat(regions.resolve("429004").orElseThrow().layers()).containsExactly("000000", "420000", "429004");
    }

    @Test
    void provincesAndCitiesResolveToo() {
        assertThat(regions.resolve("420000").orElseThrow().layers()).containsExactly("000000", "420000");
        assertThat(regions.resolve("620400").orElseThrow().layers()).containsExactly("000000", "620000", "620400");
    }

    @Test
    void unknownCodesDoNotResolve() {
        assertThat(regions.resolve("999999")).isEmpty();
        assertThat(regions.resolve("000000")).isEmpty();
        assertThat(regions.resolve(null)).isEmpty();
    }

    @Test
    void theTableCoversTheCountry() {
        assertThat(regions.size()).isGreaterThan(3000);
        assertThat(regions.isWithin("211103", "210000")).isTrue();
        assertThat(regions.isWithin("211103", "420000")).isFalse();
        assertThat(regions.isWithin("211103", "000000")).isTrue();
    }
}
