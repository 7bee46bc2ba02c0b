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
import org.junit.jupiter.api.Test;
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
        assertRefusedWithoutHarm(name, RuleGuard.BOTH);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void theSourceAllowListAloneRefusesEveryAttack(String name) throws IOException {
        assertRefusedWithoutHarm(name, new RuleGuard(true, false));
    }

    /**
     * Layer 2 on its own: with the source allow-list off, what was compiled is still refused, every file. One file never
     * reaches it: on an MVEL inline cast ({@code this#Object}) the Drools compiler itself spins for minutes, so with the
     * allow-list off that file is a build that does not end — refused by the build deadline instead
     * ({@code ReleaseDeadlineTest}).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusTheCompilerFinishes")
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void theCompiledCodeCheckAloneRefusesEveryAttack(String name) throws IOException {
        assertRefusedWithoutHarm(name, new RuleGuard(false, true));
    }

    static final String COMPILER_SPINS = "37-inline-cast.drl";

    static Stream<String> corpusTheCompilerFinishes() throws IOException {
        return corpus().filter(n -> !n.equals(COMPILER_SPINS));
    }

    /** The harness can see harm: with the guard off, a plain file write leaves its marker (so "absent" means something). */
    @Test
    void withTheGuardOffTheMarkersAppear() throws IOException {
        ReleaseReloader reloader = reloader(RuleGuard.OFF);
        writeAttack("57-fqn-files.drl");
        reloader.reload("attack");
        assertThat(marker).exists();
    }

    void assertRefusedWithoutHarm(String name, RuleGuard guard) throws IOException {
        ReleaseReloader reloader = reloader(guard);
        Release before = active.current();
        int attackLines = writeAttack(name);
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

    int writeAttack(String name) throws IOException {
        String text = Files.readString(CORPUS.resolve(name))
                .replace("@@MARKER@@", marker.toString().replace('\\', '/'))
                .replace("@@PORT@@", String.valueOf(socket.getLocalPort()));
        write(ATTACK_FILE, text);
        return (int) text.lines().count();
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
