package cn.propertycompliance.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.propertycompliance.evaluation.EvaluationRequest;
import cn.propertycompliance.evaluation.RequestParser;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Names, ID-card and phone numbers of committee members never survive masking, and the same person stays matchable. */
class PersonalDataMaskerTest {

    private static final String KEY = "test-key-0123456789abcdef";
    private static final String OTHER_KEY = "another-key-fedcba9876543210";
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗欧阳司马";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华建国";

    record Person(String name, String idCardNumber, String phone) {
    }

    /** Seeded: the same people every run, so a failure can be replayed. */
    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 40).boxed();
    }

    static Person person(Random r) {
        StringBuilder name = new StringBuilder();
        name.append(SURNAMES.charAt(r.nextInt(SURNAMES.length())));
        for (int i = 0, n = 1 + r.nextInt(2); i < n; i++) {
            name.append(GIVEN.charAt(r.nextInt(GIVEN.length())));
        }
        StringBuilder id = new StringBuilder(String.format("%06d", 110101 + r.nextInt(550000)));
        id.append(1950 + r.nextInt(60)).append(String.format("%02d%02d", 1 + r.nextInt(12), 1 + r.nextInt(28)));
        id.append(String.format("%03d", r.nextInt(1000))).append(r.nextInt(11) == 10 ? "X" : String.valueOf(r.nextInt(10)));
        String phone = "1" + (3 + r.nextInt(7)) + String.format("%09d", r.nextInt(1_000_000_000));
        return new Person(name.toString(), id.toString(), phone);
    }

    static ObjectNode request(List<Person> people) {
        ObjectNode root = RequestParser.JSON.createObjectNode();
        root.put("region", "110105");
        root.putObject("community").put("id", "BJ-0001").put("name", "鹤鸣小区");
        ArrayNode members = root.putObject("committee").putArray("members");
        for (int i = 0; i < people.size(); i++) {
            Person p = people.get(i);
            members.addObject().put("id", "m-" + i).put("name", p.name()).put("idCardNumber", p.idCardNumber())
                    .put("phone", p.phone()).put("role", i == 0 ? "CHAIR" : "MEMBER");
        }
        return root;
    }

    /** Masks the request as bound records and shows the result as JSON. */
    static JsonNode mask(PersonalDataMasker masker, ObjectNode request) {
        return RequestParser.JSON.valueToTree(masker.mask(RequestParser.JSON.treeToValue(request, EvaluationRequest.class)));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noNameIdOrPhoneSurvivesMasking(long seed) {
        Random r = new Random(seed);
        List<Person> people = IntStream.range(0, 1 + r.nextInt(11)).mapToObj(i -> person(r)).toList();
        ObjectNode request = request(people);

        String masked = RequestParser.JSON.writeValueAsString(mask(new PersonalDataMasker(KEY), request));

        for (Person p : people) {
            assertThat(masked).doesNotContain(p.name(), p.idCardNumber(), p.phone());
            // Nor a recognisable part: the ID's birth date block or the phone's last eight digits.
            assertThat(masked).doesNotContain(p.idCardNumber().substring(6, 14), p.phone().substring(3));
        }
        JsonNode members = RequestParser.JSON.readTree(masked).path("committee").path("members");
        for (JsonNode m : members) {
            for (String field : List.of("name", "idCardNumber", "phone")) {
                assertThat(m.path(field).asString()).matches("hmac-sha256:[0-9a-f]{32}");
            }
        }
        // Everything else is kept: the member id, the role, the community.
        assertThat(members.get(0).path("id").asString()).isEqualTo("m-0");
        assertThat(members.get(0).path("role").asString()).isEqualTo("CHAIR");
        assertThat(masked).contains("鹤鸣小区");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theSamePersonGetsTheSameHashUnderTheSameKeyAcrossDecisions(long seed) {
        Random r = new Random(seed);
        Person p = person(r);
        Person other = person(r);
        JsonNode first = mask(new PersonalDataMasker(KEY), request(List.of(p)));
        // A later decision, another masker instance with the same key, the person now second in the list.
        JsonNode later = mask(new PersonalDataMasker(KEY), request(List.of(other, p)));

        JsonNode a = first.path("committee").path("members").get(0);
        JsonNode b = later.path("committee").path("members").get(1);
        assertThat(b.path("name")).isEqualTo(a.path("name"));
        assertThat(b.path("idCardNumber")).isEqualTo(a.path("idCardNumber"));
        assertThat(b.path("phone")).isEqualTo(a.path("phone"));
        if (!other.name().equals(p.name())) {
            assertThat(later.path("committee").path("members").get(0).path("name")).isNotEqualTo(a.path("name"));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aDifferentKeyGivesADifferentHash(long seed) {
        Person p = person(new Random(seed));
        PersonalDataMasker one = new PersonalDataMasker(KEY);
        PersonalDataMasker two = new PersonalDataMasker(OTHER_KEY);
        assertThat(two.hash("name", p.name())).isNotEqualTo(one.hash("name", p.name()));
        assertThat(two.hash("idCardNumber", p.idCardNumber())).isNotEqualTo(one.hash("idCardNumber", p.idCardNumber()));
        assertThat(two.hash("phone", p.phone())).isNotEqualTo(one.hash("phone", p.phone()));
    }

    @Test
    void knownValueUnderAFixedKey() {
        // First 16 bytes of HMAC-SHA-256(key "test-key-0123456789abcdef", "name:张三"), computed independently with
        // printf '%s' "name:张三" | openssl dgst -sha256 -hmac "test-key-0123456789abcdef"
        assertThat(new PersonalDataMasker(KEY).hash("name", "张三")).isEqualTo(EXPECTED_ZHANG_SAN);
    }

    static final String EXPECTED_ZHANG_SAN = "hmac-sha256:6e940efc4f10b9219cbd89f0db3e3a87";

    @Test
    void theFieldIsPartOfTheHashSoEqualTextsInDifferentFieldsDoNotMatch() {
        PersonalDataMasker masker = new PersonalDataMasker(KEY);
        assertThat(masker.hash("name", "13800000000")).isNotEqualTo(masker.hash("phone", "13800000000"));
    }

    @Test
    void surroundingWhitespaceDoesNotMakeAnotherPerson() {
        PersonalDataMasker masker = new PersonalDataMasker(KEY);
        assertThat(masker.hash("name", " 张三 ")).isEqualTo(masker.hash("name", "张三"));
    }

    @Test
    void theOriginalRequestIsNotChanged() {
        Person p = new Person("李四", "110105199001011234", "13912345678");
        ObjectNode request = request(List.of(p));
        String before = request.toString();
        EvaluationRequest bound = RequestParser.JSON.treeToValue(request, EvaluationRequest.class);
        new PersonalDataMasker(KEY).mask(bound);
        assertThat(bound.committee().members().get(0).name()).isEqualTo("李四");
        assertThat(request.toString()).isEqualTo(before);
    }

    @Test
    void requestsWithoutACommitteeOrPersonalFieldsPassUnchanged() {
        ObjectNode noCommittee = RequestParser.JSON.createObjectNode();
        noCommittee.put("region", "110105").putObject("community").put("id", "C-1");
        EvaluationRequest none = RequestParser.JSON.treeToValue(noCommittee, EvaluationRequest.class);
        assertThat(new PersonalDataMasker(KEY).mask(none)).isEqualTo(none);

        ObjectNode idsOnly = noCommittee.deepCopy();
        idsOnly.putObject("committee").putArray("members").addObject().put("id", "m-01").put("owner", true);
        EvaluationRequest ids = RequestParser.JSON.treeToValue(idsOnly, EvaluationRequest.class);
        assertThat(new PersonalDataMasker(KEY).mask(ids)).isEqualTo(ids);
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new PersonalDataMasker("short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersonalDataMasker(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
