package cn.propertycompliance.releases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.propertycompliance.ruleset.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.junit.jupiter.api.Test;

/** A submitted archive is hostile: every attack below is refused as a whole (400), nothing of it is read as a release. */
class ReleaseArchiveTest {

    private static final ReleaseArchive.Limits LIMITS = new ReleaseArchive.Limits(1 << 20, 4 << 20, 20, 256 << 10, 50);
    private final ReleaseArchive archive = new ReleaseArchive(LIMITS);

    private static Map<String, byte[]> files(String... pathAndText) {
        Map<String, byte[]> out = new TreeMap<>();
        for (int i = 0; i < pathAndText.length; i += 2) {
            out.put(pathAndText[i], pathAndText[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static final Map<String, byte[]> GOOD = files("rules/national/jurisdiction.yaml", "code: \"000000\"\n",
            "policies/law.yaml", "id: law\n");

    private void refused(byte[] body, String reason) {
        assertThatThrownBy(() -> archive.read(body)).isInstanceOfSatisfying(ReleaseRefusal.class, r -> {
            assertThat(r.kind()).isEqualTo(ReleaseRefusal.Kind.INVALID_ARCHIVE);
            assertThat(r.kind().status).isEqualTo(400);
            assertThat(String.join("\n", r.errors())).contains(reason);
        });
    }

    @Test
    void aTarGzAndAZipOfTheSameFilesReadAsTheSameSortedFiles() {
        List<SourceFile> fromTar = archive.read(Archives.tarGz(GOOD));
        List<SourceFile> fromZip = archive.read(Archives.zip(GOOD));
        assertThat(fromTar).extracting(SourceFile::path).containsExactly("policies/law.yaml", "rules/national/jurisdiction.yaml");
        assertThat(fromZip).extracting(SourceFile::path).isEqualTo(fromTar.stream().map(SourceFile::path).toList());
        assertThat(cn.propertycompliance.ruleset.ReleaseBuilder.releaseId(fromZip))
                .isEqualTo(cn.propertycompliance.ruleset.ReleaseBuilder.releaseId(fromTar));
    }

    @Test
    void pathsThatLeaveTheReleaseAreRefused() {
        refused(Archives.tarGz(files("/etc/passwd", "x")), "absolute paths are not allowed");
        refused(Archives.zip(files("rules/../../etc/cron.d/x", "x")), "'..'");
        refused(Archives.tarGz(files("rules/a/../../outside.yaml", "x")), "'..'");
        refused(Archives.tarGz(files("rules\\..\\x.drl", "x")), "backslashes");
        refused(Archives.tarGz(files("src/Main.java", "x")), "only files under rules/ and policies/");
        refused(Archives.zip(files("C:/rules/x.drl", "x")), "absolute paths");
    }

    @Test
    void linksDevicesAndDuplicatesAreRefused() {
        refused(Archives.tarGz(GOOD, tar -> {
            TarArchiveEntry link = new TarArchiveEntry("rules/national/evil.drl", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc/shadow");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }), "symbolic link");
        refused(Archives.tarGz(GOOD, tar -> {
            TarArchiveEntry link = new TarArchiveEntry("rules/national/hard.drl", TarArchiveEntry.LF_LINK);
            link.setLinkName("policies/law.yaml");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }), "hard link");
        refused(Archives.tarGz(GOOD, tar -> {
            TarArchiveEntry dev = new TarArchiveEntry("rules/national/null", TarArchiveEntry.LF_CHR);
            tar.putArchiveEntry(dev);
            tar.closeArchiveEntry();
        }), "device");
        refused(Archives.zip(GOOD, zip -> {
            ZipArchiveEntry link = new ZipArchiveEntry("rules/national/evil.drl");
            link.setUnixMode(0120777);
            zip.putArchiveEntry(link);
            zip.write("/etc/shadow".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }), "symbolic link");
        refused(Archives.tarGz(GOOD, tar -> {
            byte[] again = "id: other\n".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry dup = new TarArchiveEntry("policies/law.yaml");
            dup.setSize(again.length);
            tar.putArchiveEntry(dup);
            tar.write(again);
            tar.closeArchiveEntry();
        }), "appears twice");
    }

    @Test
    void sizesCountsAndCompressionRatioAreBoundedWhileReading() {
        Map<String, byte[]> many = new TreeMap<>();
        for (int i = 0; i < LIMITS.maxFiles() + 1; i++) {
            many.put("rules/national/f" + i + ".yaml", ("n: " + i).getBytes(StandardCharsets.UTF_8));
        }
        refused(Archives.tarGz(many), "more than 20 files");
        refused(Archives.zip(files("rules/national/big.yaml", "x".repeat((int) LIMITS.maxFileBytes() + 1))), "larger than");
        // A zip bomb: 200 KB of zeros per file compress to a few hundred bytes; the ratio limit stops it early.
        Map<String, byte[]> bomb = new TreeMap<>();
        for (int i = 0; i < 10; i++) {
            bomb.put("rules/national/zero" + i + ".yaml", new byte[200 << 10]);
        }
        refused(Archives.zip(bomb), "zip bomb");
        refused(Archives.tarGz(bomb), "zip bomb");
        assertThatThrownBy(() -> new ReleaseArchive(LIMITS).read(new byte[(1 << 20) + 1]))
                .isInstanceOf(ReleaseRefusal.class).hasMessageContaining("at most");
    }

    @Test
    void somethingThatIsNotAnArchiveIsRefused() {
        refused("{\"rules\": []}".getBytes(StandardCharsets.UTF_8), "not a readable .tar.gz or .zip");
        byte[] truncated = Archives.tarGz(GOOD);
        refused(java.util.Arrays.copyOf(truncated, truncated.length / 2), "not a readable");
        refused(Archives.zip(Map.of()), "no files under rules/ or policies/");
    }
}
