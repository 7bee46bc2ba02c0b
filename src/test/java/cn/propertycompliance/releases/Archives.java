package cn.propertycompliance.releases;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Builds release archives for tests: the repository's rules/ and policies/ with edits, or hand-made hostile ones. */
public final class Archives {

    private Archives() {
    }

    /** Every file under rules/ and policies/ of {@code root}, by path. */
    public static Map<String, byte[]> tree(Path root) {
        Map<String, byte[]> files = new TreeMap<>();
        for (String top : new String[] {"rules", "policies"}) {
            try (Stream<Path> paths = Files.walk(root.resolve(top))) {
                for (Path p : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                    if (!p.getFileName().toString().startsWith(".")) {
                        files.put(top + "/" + root.resolve(top).relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** The tree with one file's text edited ({@code from} must occur in it). */
    public static Map<String, byte[]> edit(Map<String, byte[]> tree, String path, String from, String to) {
        String text = new String(tree.get(path), java.nio.charset.StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalArgumentException(path + " has no '" + from + "'");
        }
        Map<String, byte[]> copy = new TreeMap<>(tree);
        copy.put(path, text.replace(from, to).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return copy;
    }

    public static byte[] tarGz(Map<String, byte[]> files) {
        return tarGz(files, out -> { });
    }

    /** A tar.gz of the files, then whatever {@code extra} adds (links, devices …). */
    public static byte[] tarGz(Map<String, byte[]> files, TarExtra extra) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey(), true);
                e.setSize(f.getValue().length);
                tar.putArchiveEntry(e);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
            extra.add(tar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] zip(Map<String, byte[]> files) {
        return zip(files, out -> { });
    }

    public static byte[] zip(Map<String, byte[]> files, ZipExtra extra) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeArchiveEntry();
            }
            extra.add(zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @FunctionalInterface
    public interface TarExtra {
        void add(TarArchiveOutputStream tar) throws IOException;
    }

    @FunctionalInterface
    public interface ZipExtra {
        void add(ZipArchiveOutputStream zip) throws IOException;
    }
}
