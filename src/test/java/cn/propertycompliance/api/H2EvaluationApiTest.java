package cn.propertycompliance.api;

import org.springframework.test.context.TestPropertySource;

/** The API contract against the embedded default database (H2 in PostgreSQL mode). */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1")
class H2EvaluationApiTest extends EvaluationApiContract {
}
