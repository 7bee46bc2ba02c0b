package cn.propertycompliance.api;

/**
 * The example bodies Swagger UI offers ("Try it out"). They are real requests: ApiGuideExamplesTest posts each one as
 * the OpenAPI document shows it and expects a verdict, so an example that stops being valid fails the build.
 */
final class ApiExamples {

    /** 白银 三星 high-rise charged 1.60 against a 1.30 ± 15% guidance band: FEE_ABOVE_GUIDANCE_BAND. */
    static final String EVALUATION = """
            {"requestId": "by-0001-2026-11", "region": "620402", "asOf": "2026-11-01",
             "community": {"id": "BY-0001", "name": "白银某小区"},
             "fee": {"phase": "PRELIMINARY", "buildingType": "HIGH_RISE", "serviceLevel": 3, "chargedPrice": 1.60}}""";

    /** Two communities, one NDJSON line each; the answer has one line per input line, in order. */
    static final String BATCH = """
            {"region": "620402", "asOf": "2026-11-01", "community": {"id": "BY-1"}, "fee": {"phase": "PRELIMINARY", "buildingType": "HIGH_RISE", "serviceLevel": 3, "chargedPrice": 1.20}}
            {"region": "211103", "asOf": "2026-11-01", "community": {"id": "PJ-1"}, "filings": {"events": [{"type": "SERVICE_CONTRACT_SIGNED", "date": "2026-09-01"}], "records": []}}
            """;

    private ApiExamples() {
    }
}
