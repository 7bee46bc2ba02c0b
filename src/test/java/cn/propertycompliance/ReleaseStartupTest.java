package cn.propertycompliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.propertycompliance.ruleset.ActiveRelease;
import cn.propertycompliance.ruleset.ReleaseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The start-up path of main(): the release compiles in parallel, and an invalid one still stops the start. */
class ReleaseStartupTest {

    private static ConfigurableApplicationContext start(String rulesDir) {
        SpringApplication app = new SpringApplication(PropertyComplianceApplication.class);
        app.addListeners(new ReleaseStartup());
        return app.run("--server.port=0", "--compliance.rules-dir=" + rulesDir,
                "--spring.datasource.url=jdbc:h2:mem:startup;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    }

    @Test
    void theReleaseCompiledDuringStartUpIsTheOneInService() {
        try (ConfigurableApplicationContext context = start("rules")) {
            assertThat(context.getBean(ActiveRelease.class).current().rules()).hasSizeGreaterThan(50);
        }
    }

    @Test
    void anInvalidReleaseStopsTheStartWithFileAndLine(@TempDir Path copy) throws IOException {
        Path rules = copy.resolve("rules");
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            for (Path p : files.toList()) {
                Path target = rules.resolve(Path.of("rules").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path fee = rules.resolve("national/fee.drl");
        Files.writeString(fee, Files.readString(fee).replaceFirst("@cite\\(\"price-law#第十九条\"\\)", ""));
        assertThatThrownBy(() -> start(rules.toString()).close())
                .isInstanceOf(ReleaseException.class)
                .hasMessageContaining("rules/national/fee.drl:").hasMessageContaining("has no @cite");
    }
}
