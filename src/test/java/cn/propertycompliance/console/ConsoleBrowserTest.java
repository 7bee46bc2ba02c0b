package cn.propertycompliance.console;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.support.HeadlessChromium;
import cn.propertycompliance.support.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The console in a real browser (headless Chromium, 1280×800), with people signing in and API clients configured (so
 * maker ≠ checker holds): an officer changes 白银's multi-storey one-star base price in a draft, sees the case that now
 * fails, fixes it and submits; a reviewer sees that one value in the diff and the recorded decision it changes, and
 * approves; the officer activates, and an evaluation over the API answers with the new value. Separately: a reviewer
 * cannot edit a draft, an officer cannot approve, and nobody approves their own submission. Screenshots of the main
 * pages go to target/console-screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:console;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "compliance.release.label=console-test",
        "logging.level.org.openqa.selenium.devtools=error", "logging.level.org.openqa.selenium.chromium=error"})
class ConsoleBrowserTest {

    static final String PASSWORD = "控制台-test-password";
    static final String PLATFORM_KEY = "console-platform-key";
    static final String OFFICER_KEY = "console-officer-key";
    static final Path SHOTS = Path.of("target/console-screenshots");
    static final String TABLE = "rules/gansu/baiyin/parameters/fee-guidance-price.yaml";
    static final String CASE_NAME = "多层一星 0.345 等于上限、0.35 超过";

    @DynamicPropertySource
    static void people(DynamicPropertyRegistry registry) {
        String hash = new BCryptPasswordEncoder(4).encode(PASSWORD); // cost 4: the test's speed, not a production setting
        List<List<String>> users = List.of(List.of("wang-officer", "OFFICER"), List.of("li-reviewer", "REVIEWER"),
                List.of("zhao-both", "OFFICER,REVIEWER"));
        for (int i = 0; i < users.size(); i++) {
            int n = i;
            registry.add("compliance.console.users[" + n + "].name", () -> users.get(n).get(0));
            registry.add("compliance.console.users[" + n + "].password-bcrypt", () -> hash);
            registry.add("compliance.console.users[" + n + "].roles", () -> users.get(n).get(1));
        }
        registry.add("compliance.security.clients[0].name", () -> "platform");
        registry.add("compliance.security.clients[0].key-sha256", () -> sha256(PLATFORM_KEY));
        registry.add("compliance.security.clients[0].roles", () -> "PLATFORM");
        registry.add("compliance.security.clients[1].name", () -> "officer-api");
        registry.add("compliance.security.clients[1].key-sha256", () -> sha256(OFFICER_KEY));
        registry.add("compliance.security.clients[1].roles", () -> "OFFICER");
        KeyPair service = ed25519();
        registry.add("compliance.releases.signing.key-id", () -> "console-test");
        registry.add("compliance.releases.signing.private-key", () -> base64(service.getPrivate().getEncoded()));
        registry.add("compliance.releases.signing.public-keys[0].key-id", () -> "console-test");
        registry.add("compliance.releases.signing.public-keys[0].public-key", () -> base64(service.getPublic().getEncoded()));
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @LocalServerPort
    int port;
    Http platform;
    Http officerApi;

    @BeforeEach
    void startBrowser() throws IOException {
        // Once, and only after this class's context has set its log levels (Selenium's CDP notice stays out of the log).
        if (chromium == null) {
            chromium = HeadlessChromium.start("console browser test", 1280, 800);
            browser = chromium.driver();
            Files.createDirectories(SHOTS);
            try (var old = Files.list(SHOTS)) { // only this run's pages, for a person to look at
                for (Path shot : old.filter(f -> f.toString().endsWith(".png")).toList()) {
                    Files.delete(shot);
                }
            }
        }
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void clients() {
        platform = new Http(port, PLATFORM_KEY);
        officerApi = new Http(port, OFFICER_KEY);
    }

    @Test
    void officerChangesABasePriceFixesTheCaseReviewerApprovesOfficerActivatesAndEvaluationsUseIt() {
        // A recorded decision the change will turn around: 0.35 is above 0.30 × 1.15 = 0.345 today.
        JsonNode before = evaluate("0.35", "BY-CONSOLE-1");
        assertThat(codes(before)).contains("FEE_ABOVE_GUIDANCE_BAND");
        String decisionId = before.path("decisionId").asString();

        signIn("wang-officer");
        shot("01-home");
        open(browser.findElement(By.linkText("地区与规则")));
        WebElement tree = browser.findElement(By.id("tree"));
        assertThat(tree.getText()).contains("全国（000000）").contains("甘肃省（620000）").contains("白银市（620400）");
        shot("02-jurisdictions");
        open(tree.findElement(By.partialLinkText("白银市（620400）")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("620400");
        shot("03-baiyin");
        String baiyin = browser.getCurrentUrl();

        // A rule beside the law it cites, its cases and tables; a clause with everything that cites it.
        open(browser.findElement(By.id("layers")).findElement(By.linkText("CN-FEE-ABOVE-GUIDANCE-BAND")));
        assertThat(browser.findElement(By.id("message")).getText()).contains("高于政府指导价上限{upperBound}");
        assertThat(browser.findElement(By.id("citations")).getText()).contains("第三条第四款").contains("第九条第（一）项");
        assertThat(browser.findElement(By.id("cases")).getText()).contains("高层三星 1.60 高于上限 1.495");
        assertThat(browser.findElement(By.id("tables")).getText()).contains("fee.guidancePrice");
        shot("04-rule");
        open(browser.findElement(By.id("citations")).findElement(By.partialLinkText("第九条第（一）项")));
        assertThat(browser.findElement(By.id("citing-rules")).getText()).contains("CN-FEE-ABOVE-GUIDANCE-BAND")
                .contains("CN-FEE-BELOW-GUIDANCE-BAND");
        shot("05-clause");
        browser.get(baiyin);
        open(browser.findElement(By.cssSelector("#layers a[href*='fee.guidancePrice'][href*='layer=620400']")));
        assertThat(browser.findElement(By.id("entries")).getText()).contains("MULTI_STOREY").contains(TABLE);
        shot("06-fee-table");

        // Edit in a new draft: 多层一星 base price 0.30 → 0.32.
        open(browser.findElement(By.cssSelector("button.edit-in-new-draft")));
        assertThat(browser.getCurrentUrl()).contains("/edit?path=");
        replaceInEditor("key: {buildingType: MULTI_STOREY, serviceLevel: 1}\n    value: {basePrice: 0.30, band: 0.15}",
                "key: {buildingType: MULTI_STOREY, serviceLevel: 1}\n    value: {basePrice: 0.32, band: 0.15}");
        browser.findElement(By.id("save-button")).click();
        waitForText(By.id("check-summary"), "未通过 1 个");
        WebElement failing = browser.findElement(By.id("other-results"));
        assertThat(failing.getText()).contains(CASE_NAME).contains("rules/gansu/baiyin/cases/fee-guidance.yaml");
        shot("07-draft-edit-failing-case");

        // The failing case, inline in its own file: listed at its line and the line marked in the editor.
        open(failing.findElement(By.linkText(CASE_NAME)));
        WebElement here = browser.findElement(By.cssSelector("#file-results li.failing"));
        assertThat(here.getText()).contains(CASE_NAME).contains("FEE_ABOVE_GUIDANCE_BAND");
        assertThat(((Number) js("return document.querySelectorAll('.cm-failing-line').length;")).intValue()).isEqualTo(1);
        shot("08-case-failing-inline");
        replaceInEditor(caseOf("0.35", "0.30", "0.345"), caseOf("0.37", "0.32", "0.368"));
        browser.findElement(By.id("save-button")).click();
        waitForText(By.id("check-summary"), "未通过 0 个");
        assertThat(browser.findElements(By.cssSelector("#file-results li.failing"))).isEmpty();
        shot("09-case-fixed");

        // Try a request against the draft: the verdict for people, with the clause texts.
        open(browser.findElement(By.tagName("h1")).findElement(By.tagName("a")));
        setValue(By.id("try-request"), request("0.37", "BY-TRY"));
        browser.findElement(By.id("try-button")).click();
        waitForText(By.id("verdict-outcome"), "不合规");
        WebElement verdict = browser.findElement(By.id("verdict"));
        assertThat(verdict.getText()).contains("0.368").contains("白银市现行普通住宅前期物业服务收费基准价");
        js("document.getElementById('verdict').scrollIntoView();");
        shot("10-draft-try-request");

        open(browser.findElement(By.id("submit-draft")));
        assertThat(browser.findElement(By.id("release-state")).getDomAttribute("data-state")).isEqualTo("CHECKED");
        String releaseUrl = browser.getCurrentUrl();
        String releaseId = releaseUrl.substring(releaseUrl.lastIndexOf('/') + 1);

        // The reviewer: the diff has that one value, the impact names the recorded decision; approve with a comment.
        signIn("li-reviewer");
        open(browser.findElement(By.id("awaiting-sign-off")).findElement(By.partialLinkText("修改 住宅前期物业服务收费政府指导价")));
        List<WebElement> changes = browser.findElements(By.cssSelector("#parameter-changes tr.parameter-change"));
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).getText()).contains("fee.guidancePrice").contains("620400").contains("MULTI_STOREY")
                .contains("basePrice").contains("0.3").contains("0.32");
        waitForText(By.id("impact-summary"), "结论会改变的");
        assertThat(Integer.parseInt(browser.findElement(By.id("impact-changed")).getText())).isGreaterThanOrEqualTo(1);
        assertThat(browser.findElement(By.id("impact-result")).getText()).contains(decisionId).contains("NON_COMPLIANT→COMPLIANT");
        shot("11-review-diff");
        js("document.getElementById('impact').scrollIntoView();");
        shot("12-review-impact");
        browser.findElement(By.id("comment")).sendKeys("对照白银区人民政府政策问答核对");
        open(browser.findElement(By.id("approve")));
        assertThat(browser.findElement(By.id("release-state")).getDomAttribute("data-state")).isEqualTo("APPROVED");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("已签名（console-test）");
        assertThat(browser.findElement(By.id("history")).getText()).contains("li-reviewer").contains("对照白银区人民政府政策问答核对");

        // The officer activates; evaluations answer with the new base price.
        signIn("wang-officer");
        browser.get(releaseUrl);
        open(browser.findElement(By.id("activate")));
        assertThat(browser.findElement(By.id("release-state")).getDomAttribute("data-state")).isEqualTo("ACTIVE");
        shot("13-release-active");
        JsonNode after = evaluate("0.37", "BY-CONSOLE-2");
        assertThat(after.path("release").path("id").asString()).isEqualTo(releaseId);
        JsonNode finding = after.path("findings").get(0);
        assertThat(finding.path("code").asString()).isEqualTo("FEE_ABOVE_GUIDANCE_BAND");
        assertThat(finding.path("details").path("basePrice").decimalValue()).isEqualByComparingTo("0.32");
        assertThat(finding.path("details").path("upperBound").decimalValue()).isEqualByComparingTo("0.368");
        assertThat(codes(evaluate("0.35", "BY-CONSOLE-3"))).doesNotContain("FEE_ABOVE_GUIDANCE_BAND");
    }

    @Test
    void aReviewerCannotEditAnOfficerCannotApproveAndNobodyApprovesTheirOwnSubmission() {
        signIn("zhao-both");
        browser.findElement(By.name("label")).sendKeys("职责分离测试");
        open(browser.findElement(By.id("new-draft")));
        String draftUrl = browser.getCurrentUrl();
        String editUrl = draftUrl + "/edit?path=rules/gansu/baiyin/parameters/fee-guided-pricing.yaml";
        browser.get(editUrl);
        js("window.consoleEditor.setValue(window.consoleEditor.getValue() + '# 职责分离测试\\n');");
        browser.findElement(By.id("save-button")).click();
        waitForText(By.id("check-summary"), "未通过 0 个");
        // A file outside rules/ and policies/ is refused (400), naming the field.
        assertThat(postFromPage(draftUrl.replace("http://localhost:" + port, "") + "/files",
                "path=rules/../etc/passwd.yaml&content=x")).isEqualTo(400);
        browser.get(draftUrl);
        open(browser.findElement(By.id("submit-draft")));
        String releaseUrl = browser.getCurrentUrl();
        String releaseId = releaseUrl.substring(releaseUrl.lastIndexOf('/') + 1);
        assertThat(browser.findElement(By.id("release-state")).getDomAttribute("data-state")).isEqualTo("CHECKED");

        // Holding both roles does not let the submitter sign off: the release service refuses, nothing changes.
        open(browser.findElement(By.id("approve")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("不能审核自己提交的发布包");
        shot("14-own-approval-refused");
        assertThat(officerApi.get("/api/v1/releases/" + releaseId).json().path("state").asString()).isEqualTo("CHECKED");

        // A reviewer cannot open the editor, start a draft or save a file.
        signIn("li-reviewer");
        assertThat(browser.findElements(By.id("new-draft"))).isEmpty();
        browser.get(editUrl);
        assertThat(browser.findElement(By.id("denied")).getText()).isEqualTo("无权操作");
        shot("15-reviewer-cannot-edit");
        browser.get(draftUrl);
        assertThat(browser.findElements(By.id("submit-draft"))).isEmpty();
        assertThat(postFromPage(draftUrl.replace("http://localhost:" + port, "") + "/files",
                "path=rules/gansu/baiyin/parameters/fee-guided-pricing.yaml&content=x")).isEqualTo(403);

        // An officer sees no sign-off form, and posting one is refused; a post without the CSRF token is refused too.
        signIn("wang-officer");
        assertThat(postFromPage("/console/drafts", "label=csrf", false)).isEqualTo(403);
        browser.get(releaseUrl);
        assertThat(browser.findElements(By.id("approve"))).isEmpty();
        assertThat(postFromPage("/console/releases/" + releaseId + "/approval", "decision=APPROVE")).isEqualTo(403);
        assertThat(officerApi.get("/api/v1/releases/" + releaseId).json().path("state").asString()).isEqualTo("CHECKED");
    }

    /** Clicks a link or submit button and waits until the next page has replaced this one. */
    private static void open(WebElement target) {
        WebElement page = browser.findElement(By.tagName("html"));
        target.click();
        new WebDriverWait(browser, Duration.ofSeconds(180)).until(ExpectedConditions.stalenessOf(page));
    }

    private void signIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/console/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        open(browser.findElement(By.id("sign-in")));
        assertThat(browser.findElement(By.cssSelector("header .who")).getText()).contains(user);
    }

    /** A form post from the signed-in page, with its CSRF token, as a page script would send it: the HTTP status. */
    private int postFromPage(String path, String form) {
        return postFromPage(path, form, true);
    }

    private int postFromPage(String path, String form, boolean withToken) {
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.querySelector('input[name="_csrf"]').value;
                fetch(arguments[0], {method: 'POST', redirect: 'manual',
                    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                    body: arguments[1] + (arguments[2] ? '&_csrf=' + encodeURIComponent(token) : '')}).then(r => done(r.status));""",
                path, form, withToken);
        return ((Number) status).intValue();
    }

    /** The request fee and expected finding of the 多层一星 case, as the cases file spells them. */
    private static String caseOf(String charged, String base, String upper) {
        return "      fee: {phase: PRELIMINARY, buildingType: MULTI_STOREY, serviceLevel: 1, chargedPrice: " + charged + "}\n"
                + "    expect:\n"
                + "      findings:\n"
                + "        - {code: FEE_ABOVE_GUIDANCE_BAND, details: {basePrice: " + base + ", upperBound: " + upper + "}}";
    }

    private void replaceInEditor(String from, String to) {
        String text = (String) js("return window.consoleEditor.getValue();");
        assertThat(text).contains(from);
        js("window.consoleEditor.setValue(arguments[0]);", text.replace(from, to));
    }

    private void setValue(By field, String value) {
        js("arguments[0].value = arguments[1];", browser.findElement(field), value);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static void waitForText(By element, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(180)).until(ExpectedConditions.textToBePresentInElementLocated(element, text));
    }

    private static void shot(String name) {
        try {
            Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode evaluate(String price, String community) {
        Http.Response r = platform.post("/api/v1/evaluations", request(price, community));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static String request(String price, String community) {
        return """
                {"region": "620402", "asOf": "2026-11-01", "community": {"id": "%s"},
                 "fee": {"phase": "PRELIMINARY", "buildingType": "MULTI_STOREY", "serviceLevel": 1, "chargedPrice": %s}}"""
                .formatted(community, price);
    }

    private static List<String> codes(JsonNode result) {
        return result.path("findings").valueStream().map(f -> f.path("code").asString()).toList();
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
