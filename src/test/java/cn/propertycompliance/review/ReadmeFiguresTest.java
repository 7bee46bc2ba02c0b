package cn.propertycompliance.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.evaluation.Evaluator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README quotes the review report's coverage figures; they are written by the command, and this keeps them current. */
class ReadmeFiguresTest {

    @Test
    void theReadmeShowsTheFiguresOfTheRepositoryRelease() throws Exception {
        ReviewReport report = new ReviewReportBuilder(RepoRelease.REGIONS, new Evaluator(10_000)).build(RepoRelease.get());
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertThat(ReadmeFigures.current(readme))
                .as("README figures are stale: run ./mvnw -q compile exec:java -Dexec.args=\"--readme README.md\"")
                .isEqualTo(ReadmeFigures.block(report.coverage()));
    }

    @Test
    void rewritingReplacesOnlyTheBlock() {
        Coverage coverage = new Coverage(new Share(1, 2), new Share(3, 4), java.util.List.of(), java.util.List.of(), 5, 0);
        String readme = "before\n" + ReadmeFigures.BEGIN + "\nold\n" + ReadmeFigures.END + "\nafter\n";
        String rewritten = ReadmeFigures.rewrite(readme, coverage);
        assertThat(rewritten).startsWith("before\n").endsWith("\nafter\n").contains("1/2").contains("用例：5 个，未通过 0 个")
                .doesNotContain("old");
        assertThatThrownBy(() -> ReadmeFigures.rewrite("no markers", coverage)).isInstanceOf(IllegalArgumentException.class);
    }
}
