package cn.propertycompliance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * What a legal reviewer sees in a real browser (headless Chromium): for 鄂建文〔2021〕11号（十二） the clause text, the
 * rule encoding it, its message and its cases; the PENDING Panjin fee table and the INTERPRETATION of "较大比例"
 * listed for attention; the fixture's conflicting parameter under 跨层冲突. In CI ({@code CI} or
 * {@code COMPLIANCE_TEST_REQUIRE_BROWSER=true}, set by .ci/run) a missing Chromium fails the test; elsewhere it is
 * skipped with the install command.
 */
class ReviewPageBrowserTest extends ReviewServiceTestBase {

    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void startBrowser() throws IOException {
        Optional<Path> chromium = executable("CHROME_BIN", "chromium", "chromium-browser", "google-chrome");
        Optional<Path> driver = executable("CHROMEDRIVER", "chromedriver");
        if (chromium.isEmpty() || driver.isEmpty()) {
            String message = "headless Chromium and chromedriver are needed for the /review browser test "
                    + "(Debian: apt-get install -y chromium chromium-driver); found chromium=" + chromium + ", chromedriver=" + driver;
            if (required()) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        profile = Files.createTempDirectory("review-chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    private static boolean required() {
        return System.getenv("CI") != null || "true".equalsIgnoreCase(System.getenv("COMPLIANCE_TEST_REQUIRE_BROWSER"));
    }

    private static Optional<Path> executable(String envOverride, String... names) {
        String explicit = System.getenv(envOverride);
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(names).flatMap(name -> Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }

    @Test
    void aReviewerSeesClauseRuleMessageCasesAttentionItemsAndTheConflict() {
        String releaseId = http.get("/api/v1/rules").json().path("release").path("id").asString();
        browser.get("http://localhost:" + port + "/review");

        assertThat(browser.getTitle()).startsWith("规则发布包法制审核报告");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("规则发布包法制审核报告");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("发布包：" + releaseId);

        // The summary page leads to the document's own page.
        browser.findElement(By.partialLinkText("鄂建文〔2021〕11号")).click();
        assertThat(browser.getCurrentUrl()).contains("/review/documents/hubei-ejw-2021-11");
        WebElement item12 = browser.findElement(By.id("clause-hubei-ejw-2021-11-（十二）"));
        assertThat(item12.getText())
                .contains("鄂建文〔2021〕11号 （十二）")
                .contains("物业服务企业不得收取公示收费项目以外的费用")
                .contains("HB-FEE-UNDISCLOSED-ITEM")
                .contains("收取了未公示的收费项目：{item}")
                .contains("武汉收取未公示的装修管理费")
                .contains("全部项目已公示");

        // The case link under the clause leads to that case's result on the cases page.
        item12.findElement(By.linkText("武汉收取未公示的装修管理费")).click();
        assertThat(browser.getCurrentUrl()).contains("/review/cases#case-rules/hubei/wuhan/cases/fee.yaml-");
        WebElement target = browser.findElement(By.id(browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf('#') + 1)));
        assertThat(target.getText()).contains("武汉收取未公示的装修管理费").contains("通过").contains("HB-FEE-UNDISCLOSED-ITEM");

        browser.get("http://localhost:" + port + "/review/attention");
        WebElement pending = browser.findElement(By.id("s2-pending"));
        assertThat(pending.getText()).contains("fee.guidancePrice").contains("盘锦市（211100）").contains("panjin-reply-2020-62#第五部分");
        WebElement interpretation = browser.findElement(By.id("s2-interpretation"));
        assertThat(interpretation.getText()).contains("liaoning-work-points-2021#第2点").contains("较大比例")
                .contains("<i>未转义</i>");
        browser.get("http://localhost:" + port + "/review/conflicts");
        WebElement conflicts = browser.findElement(By.id("s3-parameters"));
        assertThat(conflicts.getText()).contains("reviewFixture.noticeDays").contains("两层同时设定，未声明替换")
                .contains("下级取值宽于上级").contains("辽宁省（210000）").contains("盘锦市（211100）");
    }
}
