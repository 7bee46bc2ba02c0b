package cn.propertycompliance.review;

import cn.propertycompliance.evaluation.Evaluator;
import cn.propertycompliance.region.RegionTable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Writes the review report of the files in {@code rules/} and {@code policies/} as Markdown, for attaching to a
 * release, and prints the coverage figures. No web server, no database:
 * <pre>./mvnw -q compile exec:java                       (→ target/review/review-report.md)
 * ./mvnw -q compile exec:java -Dexec.args="--out target/review.md --html target/review.html --label 2026-11-01.1"
 * ./mvnw -q compile exec:java -Dexec.args="--readme README.md"   (also rewrites the README's figures block)</pre>
 * Exit status: 0 when the release builds and every case passes, 1 when the files do not make a release (the report
 * then lists the problems), 2 when some case fails.
 */
public final class ReviewReportCommand {

    private ReviewReportCommand() {
    }

    public static void main(String[] args) throws IOException {
        quietEngineLogs();
        int status = run(args, System.out);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out) throws IOException {
        Map<String, String> options = options(args);
        RegionTable regions = RegionTable.fromClasspath("regions/gbt2260.csv");
        ReviewReport report = new ReviewReportBuilder(regions, new Evaluator(10_000))
                .build(Path.of(options.get("--rules")), Path.of(options.get("--policies")), options.get("--label"));
        Path md = write(Path.of(options.get("--out")), ReportLayout.markdown(report));
        out.println("发布包 " + report.releaseId() + (report.releaseLabel() == null ? "" : "（" + report.releaseLabel() + "）"));
        if (options.containsKey("--html")) {
            out.println("HTML 报告：" + write(Path.of(options.get("--html")), ReportLayout.html(report)));
        }
        out.println("审核报告：" + md);
        if (!report.built()) {
            out.println("发布包无法生成，" + report.loadErrors().size() + " 个问题：");
            report.loadErrors().forEach(p -> out.println("  " + p));
            return 1;
        }
        report.coverage().summaryLines().forEach(out::println);
        report.cases().stream().filter(run -> !run.passed()).forEach(run -> {
            out.println("  未通过：" + run.key() + " " + run.scenario().name());
            run.failures().forEach(f -> out.println("    " + f));
        });
        if (options.containsKey("--readme")) {
            Path readme = Path.of(options.get("--readme"));
            Files.writeString(readme, ReadmeFigures.rewrite(Files.readString(readme, StandardCharsets.UTF_8), report.coverage()),
                    StandardCharsets.UTF_8);
            out.println("README 覆盖数据已更新：" + readme);
        }
        return report.coverage().failingCases() == 0 ? 0 : 2;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>(Map.of("--rules", "rules", "--policies", "policies",
                "--out", "target/review/review-report.md"));
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: [--rules DIR] [--policies DIR] [--out FILE.md] [--html FILE.html] "
                        + "[--label LABEL] [--readme README.md]; got '" + args[i] + "'");
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }

    private static Path write(Path file, String text) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Files.writeString(absolute, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Drools logs each KieBase it builds at INFO; the command's output is the figures, not that. */
    private static void quietEngineLogs() {
        for (String name : new String[] {"org.drools", "org.kie"}) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }
}
