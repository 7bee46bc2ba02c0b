package cn.propertycompliance.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium with the OS's chromedriver (Debian: chromium, chromium-driver) for the browser tests, in a throw-away
 * profile. In CI ({@code CI} or {@code COMPLIANCE_TEST_REQUIRE_BROWSER=true}, set by .ci/run) a missing Chromium fails
 * the test; elsewhere it is skipped with the install command.
 */
public final class HeadlessChromium implements AutoCloseable {

    private final WebDriver driver;
    private final Path profile;

    private HeadlessChromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser whose page area is {@code width}×{@code height} (what screenshots show). */
    public static HeadlessChromium start(String testName, int width, int height) {
        Optional<Path> chromium = executable("CHROME_BIN", "chromium", "chromium-browser", "google-chrome");
        Optional<Path> chromedriver = executable("CHROMEDRIVER", "chromedriver");
        if (chromium.isEmpty() || chromedriver.isEmpty()) {
            String message = "headless Chromium and chromedriver are needed for the " + testName
                    + " (Debian: apt-get install -y chromium chromium-driver fonts-noto-cjk); found chromium=" + chromium
                    + ", chromedriver=" + chromedriver;
            if (required()) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.get().toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--window-size=" + width + "," + height, "--lang=zh-CN", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.get().toFile())
                    .usingAnyFreePort().build();
            WebDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            // The window size includes the browser's own bars: grow it so the page itself is width×height.
            Number bars = (Number) ((JavascriptExecutor) driver).executeScript("return window.outerHeight - window.innerHeight;");
            driver.manage().window().setSize(new Dimension(width, height + bars.intValue()));
            return new HeadlessChromium(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
}
