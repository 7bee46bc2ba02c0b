package cn.propertycompliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.support.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * What a legal reviewer sees in a real browser (headless Chromium): for 鄂建文〔2021〕11号（十二） the clause text, the
 * rule encoding it, its message and its cases; the PENDING Panjin fee table and the INTERPRETATION of "较大比例"
 * listed for attention; the fixture's conflicting parameter under 跨层冲突. In CI ({@code CI} or
 * {@code COMPLIANCE_TEST_REQUIRE_BROWSER=true}, set by .ci/run) a missing Chromium fails the test; elsewhere it is
 * skipped with the install command.
 */
class ReviewPageBrowserTest extends ReviewServiceTestBase {

    private static HeadlessChromium chromium;
    private static WebDriver browser;

    @BeforeAll
    static void startBrowser() {
        chromium = HeadlessChromium.start("/review browser test", 1280, 800);
        browser = chromium.driver();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
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
