package cn.propertycompliance.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.evaluation.Evaluator;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The adversarial corpus (src/test/resources/guard-corpus): each file is what an officer's key could put in service
 * through a reload, attempting harm as a harmless marker — a file under the test's temp dir, a connection to a socket
 * the test opens, a system property. Each is loaded exactly as a reload loads files (build, compile, warm-up) and must
 * be refused with its file:line, leave no marker, and leave the release in service in place.
 */
class GuardCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/guard-corpus");
    static final String ATTACK_FILE = "rules/national/attack.drl";
    private static final String FLAG = "guard.marker";

    @TempDir
    Path root;
    private Path marker;
    private ServerSocket socket;

    static Stream<String> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")).sorted().toList().stream();
        }
    }

    @BeforeEach
    void tree() throws IOException {
        marker = root.resolve("marker");
        socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        socket.setSoTimeout(1);
        System.clearProperty(FLAG);
        NationalTestTree.write(root);
    }

    @AfterEach
    void close() throws IOException {
        socket.close();
        System.clearProperty(FLAG);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void bothLayersRefuseEveryAttack(String name) throws IOException {
        assertThat(assertRefusedWithoutHarm(name, RuleGuard.BOTH)).as(name + ": refused by").isIn(Stage.PARSER, Stage.ALLOW_LIST);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void theSourceAllowListAloneRefusesEveryAttack(String name) throws IOException {
        assertThat(assertRefusedWithoutHarm(name, new RuleGuard(true, false))).as(name + ": refused by")
                .isIn(Stage.PARSER, Stage.ALLOW_LIST);
    }

    /**
     * Layer 2 on its own: with the source allow-list off, every file is still refused at load, and every file the
     * Drools compiler compiles is refused by the compiled-code check. The rest never become code: the DRL parser or
     * the Drools compiler rejects them ({@link #REFUSED_BEFORE_LAYER_2}: the stage and why that is enough). The build
     * deadline is not needed for any file (the one construct that makes the compiler spin, an MVEL inline cast, is
     * refused by layer 2 before compiling); {@code BuildDeadlineTest} shows the deadline bounds it anyway.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theCompiledCodeCheckAloneRefusesEveryAttack(String name) throws IOException {
        Stage stage = assertRefusedWithoutHarm(name, new RuleGuard(false, true));
        Refusal expected = REFUSED_BEFORE_LAYER_2.get(name);
        if (expected == null) {
            assertThat(stage).as(name + " compiles, so the compiled-code check must refuse it").isEqualTo(Stage.COMPILED_CODE_CHECK);
        } else {
            assertThat(stage).as(name + ": refused by").isEqualTo(expected.stage());
            assertThat(lastRefusal.problems()).as(name + ": why").anySatisfy(p -> assertThat(p.message()).contains(expected.says()));
        }
    }

    /** Where a build refused a file: the stage, from the problems it reported. */
    enum Stage { PARSER, ALLOW_LIST, COMPILER, COMPILED_CODE_CHECK, BUILD_DEADLINE }

    /** A file refused before layer 2 sees any code, the stage that refuses it and what that stage says. */
    record Refusal(Stage stage, String says) {
    }

    /**
     * With layer 1 off, the files that never become code, and why a refusal there is as final as layer 2's: the parser
     * or compiler of the Drools version we ship rejects the text itself, deterministically, so no variant of the file
     * that is still this text runs; and the marker check shows compiling them ran nothing before failing. Each attack's
     * harmful part is also of a kind layer 2 refuses where it does compile (a call of {@code Files}/{@code System} in
     * a consequence or constraint — see the COMPILED_CODE_CHECK files using the same calls).
     */
    static final java.util.Map<String, Refusal> REFUSED_BEFORE_LAYER_2 = java.util.Map.ofEntries(
            // Drools rewrites a unicode escape in a consequence into plain letters (java\u002enio → java002enio) before
            // Java sees it, so the escaped name can never compile; an unescaped one is bytecode layer 2 reads.
            java.util.Map.entry("06-unicode-escape-dot.drl", new Refusal(Stage.COMPILER, "java002enio002efile002ePath002eof")),
            java.util.Map.entry("07-unicode-escape-identifier.drl", new Refusal(Stage.COMPILER, "cannot be resolved to a type")),
            // A window needs an event type, which only a declare can make (refused by layer 2 before compiling);
            // layer 2 also refuses a compiled pattern with a window.
            java.util.Map.entry("23-window.drl", new Refusal(Stage.COMPILER, "is not declared as an Event")),
            // MVEL's strict mode cannot type .class.getName(); a constraint that did compile is type-checked by layer 2,
            // which refuses .class (see 58-class-literal, 36-new-in-constraint).
            java.util.Map.entry("35-class-literal-in-constraint.drl", new Refusal(Stage.COMPILER, "Unable to Analyse Expression")),
            // Not DRL: the parser stops at MVEL projections and at lambdas inside a pattern.
            java.util.Map.entry("38-projection.drl", new Refusal(Stage.PARSER, "mismatched input 'in'")),
            java.util.Map.entry("39-lambda-in-constraint.drl", new Refusal(Stage.PARSER, "mismatched input '.'")));

    /** What refused the attack file: the parser if the text does not parse, else the stage its problems name. */
    static Stage stage(String text, ReleaseException refused) {
        org.drools.drl.parser.DrlParser parser = new org.drools.drl.parser.DrlParser(org.kie.internal.builder.conf.LanguageLevelOption.DRL6);
        try {
            parser.parse(null, text);
        } catch (org.drools.drl.parser.DroolsParserException e) {
            return Stage.PARSER;
        }
        if (parser.hasErrors()) {
            return Stage.PARSER;
        }
        List<String> messages = refused.problems().stream().map(Problem::message).toList();
        if (messages.stream().anyMatch(m -> m.contains("is not allowed in a rule file"))) {
            return Stage.ALLOW_LIST;
        }
        if (messages.stream().anyMatch(m -> m.contains("(compiled-code check)"))) {
            return Stage.COMPILED_CODE_CHECK;
        }
        if (messages.stream().anyMatch(m -> m.contains("did not build within"))) {
            return Stage.BUILD_DEADLINE;
        }
        return Stage.COMPILER;
    }

    /**
     * The harness can see harm, and these attacks are real: with the guard off each leaves its marker during the
     * reload's warm-up (so "absent" above means something) — a plain write, a thread, a pattern-matching branch, and two
     * bindings whose MVEL expression runs when the variable is read (no bytecode of their own: layer 2 checks them in
     * the compiled network).
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"57-fqn-files.drl", "65-thread.drl", "91-instanceof-pattern.drl",
            "94-binding-expression.drl", "95-binding-read-by-constraint.drl"})
    void withTheGuardOffTheMarkersAppear(String name) throws IOException {
        ReleaseReloader reloader = reloader(RuleGuard.OFF);
        write(ATTACK_FILE, attack(name));
        reloader.reload("attack");
        assertThat(Files.exists(marker) || System.getProperty(FLAG) != null).as(name + " left its marker").isTrue();
    }

    private ReleaseException lastRefusal;

    /** Loads the attack as a reload does; asserts it is refused with its file:line, harmless; answers what refused it. */
    Stage assertRefusedWithoutHarm(String name, RuleGuard guard) throws IOException {
        ReleaseReloader reloader = reloader(guard);
        Release before = active.current();
        String text = attack(name);
        write(ATTACK_FILE, text);
        int attackLines = (int) text.lines().count();
        ReleaseException refused = catchThrowableOfType(ReleaseException.class, () -> reloader.reload("attack"));
        assertThat(refused).as(name + " must be refused").isNotNull();
        assertThat(refused.problems()).as(name + ": a problem names the file and a line of it")
                .anySatisfy(p -> {
                    assertThat(p.file()).isEqualTo(ATTACK_FILE);
                    assertThat(p.line()).isBetween(1, attackLines);
                });
        assertThat(marker).as(name + ": marker file").doesNotExist();
        assertThat(System.getProperty(FLAG)).as(name + ": marker flag").isNull();
        assertThat(accepted()).as(name + ": connection to the marker socket").isFalse();
        assertThat(active.current()).isSameAs(before);
        lastRefusal = refused;
        return stage(text, refused);
    }

    private ActiveRelease active;

    ReleaseReloader reloader(RuleGuard guard) {
        active = new ActiveRelease(baseline());
        return new ReleaseReloader(active, RepoRelease.REGIONS, new Evaluator(10_000, 2)::warmUp, root.resolve("rules"),
                root.resolve("policies"), guard);
    }

    /** The release in service before the attack: the same tree without the attack file. */
    private Release baseline() {
        return new ReleaseBuilder(RepoRelease.REGIONS).build(root.resolve("rules"), root.resolve("policies"), "before");
    }

    String attack(String name) throws IOException {
        return Files.readString(CORPUS.resolve(name))
                .replace("@@MARKER@@", marker.toString().replace('\\', '/'))
                .replace("@@PORT@@", String.valueOf(socket.getLocalPort()));
    }

    private boolean accepted() throws IOException {
        try (var ignored = socket.accept()) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    private void write(String path, String text) throws IOException {
        NationalTestTree.write(root, path, text);
    }

    static List<String> names() throws IOException {
        return corpus().toList();
    }
}
