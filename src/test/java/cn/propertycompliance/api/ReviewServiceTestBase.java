package cn.propertycompliance.api;

import cn.propertycompliance.review.ReviewFixture;
import cn.propertycompliance.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The service serving the review fixture (the repository's rules and policies plus an INTERPRETATION value and a
 * deliberate cross-layer conflict). Subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:review;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "compliance.release.label=review-fixture",
        // Selenium warns that it has no DevTools (CDP) module for this Chromium; the test does not use DevTools.
        "logging.level.org.openqa.selenium.devtools=error", "logging.level.org.openqa.selenium.chromium=error"})
abstract class ReviewServiceTestBase {

    @DynamicPropertySource
    static void fixtureFolders(DynamicPropertyRegistry registry) {
        registry.add("compliance.rules-dir", () -> ReviewFixture.root().resolve("rules").toString());
        registry.add("compliance.policies-dir", () -> ReviewFixture.root().resolve("policies").toString());
    }

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }
}
