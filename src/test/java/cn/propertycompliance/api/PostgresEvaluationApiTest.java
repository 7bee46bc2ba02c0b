package cn.propertycompliance.api;

import cn.propertycompliance.support.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The API contract against a real PostgreSQL (CI: the local server; elsewhere an embedded one). */
class PostgresEvaluationApiTest extends EvaluationApiContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.useFreshSchema(registry);
    }
}
