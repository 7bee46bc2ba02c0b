package cn.propertycompliance.committee;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.facts.Committee.Member;
import cn.propertycompliance.parameters.ParameterValue;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AbsenceCheckTest {

    /** 北京/上海: 一年内累计缺席…总次数一半以上 — 以上 includes the half. */
    static final ParameterValue HALF_OR_MORE = Params.single(AbsenceCheck.TABLE, Map.of("basis", "SHARE_OF_MEETINGS",
            "numerator", 1, "denominator", 2, "inclusive", true, "wording", "一半以上"));
    static final ParameterValue MORE_THAN_HALF = Params.single(AbsenceCheck.TABLE, Map.of("basis", "SHARE_OF_MEETINGS",
            "numerator", 1, "denominator", 2, "inclusive", false));
    /** 辽宁: 无正当理由连续三次不参加. */
    static final ParameterValue THREE_IN_A_ROW = Params.single(AbsenceCheck.TABLE, Map.of("basis", "CONSECUTIVE_UNEXCUSED",
            "count", 3));

    static Member member(Integer held, Integer absent, Integer consecutive) {
        return new Member("m-01", null, null, null, null, null, true, List.of(), held, absent, consecutive, null, null);
    }

    @ParameterizedTest(name = "{1} of {0} meetings missed → reached {2}")
    @CsvSource({"6,3,true", "6,2,false", "7,4,true", "7,3,false", "1,1,true", "1,0,false", "2,1,true", "0,0,false",
                "12,6,true", "12,5,false"})
    void halfOrMoreIncludesExactlyHalf(int held, int absent, boolean reached) {
        assertThat(AbsenceCheck.of(member(held, absent, null), HALF_OR_MORE).isReached()).isEqualTo(reached);
    }

    @Test
    void anExclusiveThresholdDoesNotCountExactlyHalf() {
        assertThat(AbsenceCheck.of(member(6, 3, null), MORE_THAN_HALF).isReached()).isFalse();
        assertThat(AbsenceCheck.of(member(6, 4, null), MORE_THAN_HALF).isReached()).isTrue();
    }

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 200).boxed();
    }

    /** Against the plain fraction absent/held ≥ 1/2, written independently as 2·absent ≥ held. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void agreesWithTheFractionForAnyCounts(long seed) {
        Random r = new Random(seed);
        int held = r.nextInt(40);
        int absent = held == 0 ? 0 : r.nextInt(held + 1);
        AbsenceCheck check = AbsenceCheck.of(member(held, absent, null), HALF_OR_MORE);
        assertThat(check.isReached()).as("%d of %d", absent, held).isEqualTo(held > 0 && 2 * absent >= held);
        assertThat(check.isUndetermined()).isFalse();
    }

    @ParameterizedTest(name = "{0} in a row → reached {1}")
    @CsvSource({"3,true", "4,true", "2,false", "0,false"})
    void threeConsecutiveUnexcusedAbsences(int consecutive, boolean reached) {
        AbsenceCheck check = AbsenceCheck.of(member(null, null, consecutive), THREE_IN_A_ROW);
        assertThat(check.isReached()).isEqualTo(reached);
        assertThat(check.consecutive()).isEqualTo(consecutive);
    }

    @Test
    void missingFiguresAreNotAVerdict() {
        assertThat(AbsenceCheck.of(member(null, null, null), HALF_OR_MORE).isReached()).isFalse();
        assertThat(AbsenceCheck.of(member(null, null, null), HALF_OR_MORE).isUndetermined()).isFalse();
        assertThat(AbsenceCheck.of(member(null, null, null), THREE_IN_A_ROW).isReached()).isFalse();

        AbsenceCheck onlyAbsent = AbsenceCheck.of(member(null, 3, null), HALF_OR_MORE);
        assertThat(onlyAbsent.isReached()).isFalse();
        assertThat(onlyAbsent.missing()).containsExactly("meetingsHeldLast12Months");
        assertThat(AbsenceCheck.of(member(5, null, null), HALF_OR_MORE).missing()).containsExactly("meetingsAbsentLast12Months");
    }
}
