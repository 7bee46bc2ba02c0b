package cn.propertycompliance;

/** jurisdiction.yaml text for test fixtures: a layer whose encoding covers every area at every date since 1949. */
public final class CoverageFixture {

    public static final String ALL_AREAS = """
            coverage:
              FEE: {from: 1949-10-01, before: {held: UNKNOWN}}
              FILING: {from: 1949-10-01, before: {held: UNKNOWN}}
              COMMITTEE: {from: 1949-10-01, before: {held: UNKNOWN}}
              REPAIR: {from: 1949-10-01, before: {held: UNKNOWN}}
            """;

    private CoverageFixture() {
    }

    public static String jurisdiction(String code, String name) {
        return "code: \"" + code + "\"\nname: " + name + "\n" + ALL_AREAS;
    }
}
