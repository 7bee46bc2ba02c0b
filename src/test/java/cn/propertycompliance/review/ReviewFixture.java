package cn.propertycompliance.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A copy of the repository's rules/ and policies/ with the files of src/test/resources/review-fixture laid over them:
 * the real release plus an INTERPRETATION value and a deliberate cross-layer conflict (see that folder's README).
 */
public final class ReviewFixture {

    private static Path root;

    private ReviewFixture() {
    }

    /** The fixture folder (holding rules/ and policies/), created once per test JVM. */
    public static synchronized Path root() {
        if (root == null) {
            try {
                Path dir = Files.createTempDirectory("review-fixture");
                copy(Path.of("rules"), dir.resolve("rules"));
                copy(Path.of("policies"), dir.resolve("policies"));
                copy(Path.of("src/test/resources/review-fixture/rules"), dir.resolve("rules"));
                root = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    /** A fresh copy that a test may change (e.g. to add a broken rule). */
    public static Path copyTo(Path target) throws IOException {
        copy(root().resolve("rules"), target.resolve("rules"));
        copy(root().resolve("policies"), target.resolve("policies"));
        return target;
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
