package cn.propertycompliance.committee;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.facts.Committee;
import cn.propertycompliance.facts.Committee.Member;
import cn.propertycompliance.facts.Community;
import cn.propertycompliance.parameters.ParameterValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommitteeSizeTest {

    static final ParameterValue NATIONAL = Params.single(CommitteeSize.TABLE, Map.of("minimum", 5, "maximum", 11, "odd", true));
    static final ParameterValue BEIJING = Params.single(CommitteeSize.TABLE, Map.of("minimum", 5, "odd", true,
            "smallSize", 3, "smallHouseholdsAtMost", 100));
    static final ParameterValue SHANGHAI = Params.single(CommitteeSize.TABLE, Map.of("minimum", 5, "odd", true,
            "smallSize", 3, "smallFloorAreaAtMost", new BigDecimal("10000")));
    static final ParameterValue QINGDAO = Params.single(CommitteeSize.TABLE, Map.of("minimum", 3, "odd", true));

    static Committee of(int n) {
        return new Committee(null, IntStream.range(0, n).mapToObj(i -> new Member("m-" + i, null, null, null, null, null,
                null, List.of(), null, null, null, null, null)).toList());
    }

    static Community households(Integer h) {
        return new Community("C", null, null, null, null, null, null, null, h);
    }

    static Community area(String exclusive) {
        return new Community("C", null, null, null, null, null, exclusive == null ? null : new BigDecimal(exclusive), null, null);
    }

    @ParameterizedTest(name = "{0} members → invalid {1}")
    @CsvSource({"5,false", "7,false", "11,false", "13,true", "3,true", "4,true", "6,true", "1,true", "0,false"})
    void nationalFiveToElevenOdd(int n, boolean invalid) {
        assertThat(CommitteeSize.of(of(n), households(1000), NATIONAL).isInvalid()).isEqualTo(invalid);
    }

    @ParameterizedTest(name = "{0} members, {1} households → invalid {2}")
    @CsvSource({"3,100,false", "3,101,true", "3,1,false", "5,20,false", "13,3000,false", "6,3000,true", "4,50,true",
                "1,50,true"})
    void beijingThreeWhereAHundredHouseholdsOrFewer(int n, int households, boolean invalid) {
        CommitteeSize size = CommitteeSize.of(of(n), households(households), BEIJING);
        assertThat(size.isInvalid()).isEqualTo(invalid);
        assertThat(size.isUndetermined()).isFalse();
    }

    @Test
    void beijingThreeWithoutHouseholdsIsUndetermined() {
        CommitteeSize size = CommitteeSize.of(of(3), households(null), BEIJING);
        assertThat(size.isInvalid()).isFalse();
        assertThat(size.missing()).containsExactly("community.households");
        // Households do not matter for a regular size.
        assertThat(CommitteeSize.of(of(5), households(null), BEIJING).isUndetermined()).isFalse();
    }

    @Test
    void shanghaiThreeOnlyProvablyInvalidWhenTheExclusiveAreaAlreadyExceedsTenThousand() {
        assertThat(CommitteeSize.of(of(3), area("10000.01"), SHANGHAI).isInvalid()).isTrue();
        assertThat(CommitteeSize.of(of(3), area("10000"), SHANGHAI).isUndetermined()).isTrue();
        assertThat(CommitteeSize.of(of(3), area("8000"), SHANGHAI).isInvalid()).isFalse();
        assertThat(CommitteeSize.of(of(3), area(null), SHANGHAI).isUndetermined()).isTrue();
        assertThat(CommitteeSize.of(of(4), area("8000"), SHANGHAI).isInvalid()).isTrue();
    }

    @ParameterizedTest(name = "{0} members → invalid {1}")
    @CsvSource({"3,false", "4,true", "15,false", "2,true", "1,true"})
    void qingdaoThreeOrMoreOdd(int n, boolean invalid) {
        assertThat(CommitteeSize.of(of(n), households(null), QINGDAO).isInvalid()).isEqualTo(invalid);
    }
}
