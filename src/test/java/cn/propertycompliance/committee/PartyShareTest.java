package cn.propertycompliance.committee;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.facts.Committee;
import cn.propertycompliance.facts.Committee.Member;
import cn.propertycompliance.facts.Committee.Role;
import cn.propertycompliance.parameters.ParameterValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PartyShareTest {

    /** 湖北: 一般不低于50%. */
    static final ParameterValue NOT_BELOW_HALF = Params.single(PartyShare.TABLE, Map.of("numerator", 1, "denominator", 2,
            "atLeast", true, "wording", "一般不低于50%"));
    /** 辽宁 "较大比例" as read here: more than half. */
    static final ParameterValue MORE_THAN_HALF = Params.single(PartyShare.TABLE, Map.of("numerator", 1, "denominator", 2,
            "atLeast", false));

    /** A committee of {@code party} party members, {@code non} others and {@code unknown} not stated; the first is chair. */
    static Committee committee(int party, int non, int unknown) {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < party + non + unknown; i++) {
            Boolean p = i < party ? Boolean.TRUE : i < party + non ? Boolean.FALSE : null;
            members.add(new Member("m-" + i, null, null, null, i == 0 ? Role.CHAIR : Role.MEMBER, p, true, List.of(),
                    null, null, null, null, null));
        }
        return new Committee(null, members);
    }

    @Test
    void exactlyHalfIsNotBelowFiftyPercent() {
        PartyShare share = PartyShare.of(committee(3, 3, 0), NOT_BELOW_HALF);
        assertThat(share.isBelow()).isFalse();
        assertThat(share.isUndetermined()).isFalse();
        assertThat(share.getSharePercent()).isEqualByComparingTo("50");
    }

    @Test
    void exactlyHalfIsNotMoreThanHalf() {
        assertThat(PartyShare.of(committee(3, 3, 0), MORE_THAN_HALF).isBelow()).isTrue();
        assertThat(PartyShare.of(committee(4, 3, 0), MORE_THAN_HALF).isBelow()).isFalse();
    }

    @Test
    void twoOfFiveIsBelowAndShownAsFortyPercent() {
        PartyShare share = PartyShare.of(committee(2, 3, 0), NOT_BELOW_HALF);
        assertThat(share.isBelow()).isTrue();
        assertThat(share.getSharePercent()).isEqualByComparingTo(new BigDecimal("40"));
        assertThat(PartyShare.of(committee(1, 2, 0), NOT_BELOW_HALF).getSharePercent()).isEqualByComparingTo("33.33");
    }

    @Test
    void unknownMembersDecideOnlyWhenTheyCould() {
        // 2 party, 2 not, 1 unknown: 2/5 or 3/5 — depends on the unknown one.
        PartyShare open = PartyShare.of(committee(2, 2, 1), NOT_BELOW_HALF);
        assertThat(open.isBelow()).isFalse();
        assertThat(open.isUndetermined()).isTrue();
        assertThat(open.unknownMembers()).containsExactly("m-4");
        // 1 party, 3 not, 1 unknown: at most 2/5 — below whatever the unknown one is.
        assertThat(PartyShare.of(committee(1, 3, 1), NOT_BELOW_HALF).isBelow()).isTrue();
        // 3 party, 1 not, 1 unknown: at least 3/5 — met whatever the unknown one is.
        PartyShare met = PartyShare.of(committee(3, 1, 1), NOT_BELOW_HALF);
        assertThat(met.isBelow()).isFalse();
        assertThat(met.isUndetermined()).isFalse();
    }

    @Test
    void aChairWithoutStatedMembershipIsReported() {
        assertThat(PartyShare.of(committee(0, 0, 5), NOT_BELOW_HALF).isChairUnknown()).isTrue();
        assertThat(PartyShare.of(committee(3, 2, 0), NOT_BELOW_HALF).isChairUnknown()).isFalse();
    }

    @Test
    void noMembersNoVerdict() {
        PartyShare share = PartyShare.of(new Committee(null, null), NOT_BELOW_HALF);
        assertThat(share.isBelow()).isFalse();
        assertThat(share.isUndetermined()).isFalse();
    }

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 200).boxed();
    }

    /** Against the fraction party/n compared with 1/2 in BigDecimal, for random committees without unknowns. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void agreesWithTheFraction(long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(15);
        int party = r.nextInt(n + 1);
        int cmp = new BigDecimal(party).multiply(new BigDecimal(2)).compareTo(new BigDecimal(n));
        assertThat(PartyShare.of(committee(party, n - party, 0), NOT_BELOW_HALF).isBelow()).as("%d of %d", party, n).isEqualTo(cmp < 0);
        assertThat(PartyShare.of(committee(party, n - party, 0), MORE_THAN_HALF).isBelow()).as("%d of %d", party, n).isEqualTo(cmp <= 0);
    }
}
