package cn.propertycompliance.releases;

import cn.propertycompliance.releases.ReleaseRefusal.Kind;
import cn.propertycompliance.ruleset.SourceFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Reads a submitted {@code .tar.gz} or {@code .zip} of {@code rules/} + {@code policies/} into release files. The
 * archive is hostile until read: sizes, file count and compression ratio are bounded while reading (a zip bomb stops
 * at the limit, it is never inflated whole); absolute paths, {@code ..}, links, devices, duplicates and files outside
 * the two folders are refused. Every refusal of the archive is listed, then it is refused as a whole.
 */
public final class ReleaseArchive {

    /** Limits: compressed body, all files inflated, number of files, one file inflated, inflated/compressed ratio. */
    public record Limits(long maxBytes, long maxTotalBytes, int maxFiles, long maxFileBytes, int maxRatio) {
    }

    private final Limits limits;

    public ReleaseArchive(Limits limits) {
        this.limits = limits;
    }

    public List<SourceFile> read(byte[] body) {
        if (body.length > limits.maxBytes()) {
            throw refused("the archive is " + body.length + " bytes; at most " + limits.maxBytes() + " are accepted");
        }
        List<String> errors = new ArrayList<>();
        List<SourceFile> files = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long total = 0;
        long maxTotal = Math.min(limits.maxTotalBytes(), Math.max(1, (long) body.length) * limits.maxRatio());
        try (Entries in = open(body)) {
            ArchiveEntry entry;
            while ((entry = in.next()) != null) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    checkPath(name.endsWith("/") ? name.substring(0, name.length() - 1) : name, true, errors);
                    continue;
                }
                String kind = specialKind(entry);
                if (kind != null) {
                    errors.add(name + ": " + kind + " entries are not allowed");
                    continue;
                }
                if (!checkPath(name, false, errors)) {
                    continue;
                }
                String path = normalise(name);
                if (path.substring(path.lastIndexOf('/') + 1).startsWith(".")) {
                    continue; // hidden files (.DS_Store …) are not part of a release read from folders either
                }
                if (!seen.add(path)) {
                    errors.add(path + ": appears twice in the archive");
                    continue;
                }
                if (files.size() >= limits.maxFiles()) {
                    throw refused("more than " + limits.maxFiles() + " files in the archive");
                }
                byte[] bytes = in.content().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
                if (bytes.length > limits.maxFileBytes()) {
                    throw refused(path + ": larger than " + limits.maxFileBytes() + " bytes");
                }
                total += bytes.length;
                if (total > maxTotal) {
                    throw refused("the files inflate to more than " + maxTotal + " bytes (at most " + limits.maxTotalBytes()
                            + " bytes and " + limits.maxRatio() + " times the archive's size): refused as a possible zip bomb");
                }
                files.add(new SourceFile(path, bytes));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw refused("not a readable .tar.gz or .zip archive: " + e.getMessage());
        }
        if (files.isEmpty() && errors.isEmpty()) {
            errors.add("the archive holds no files under rules/ or policies/");
        }
        if (!errors.isEmpty()) {
            throw new ReleaseRefusal(Kind.INVALID_ARCHIVE, errors.size() + " problem(s) in the archive; nothing was stored", errors);
        }
        files.sort(Comparator.comparing(SourceFile::path));
        return List.copyOf(files);
    }

    /** The entries of either format, one at a time, with the content of the current one. */
    private interface Entries extends AutoCloseable {
        ArchiveEntry next() throws IOException;

        InputStream content() throws IOException;

        @Override
        void close() throws IOException;
    }

    private static Entries open(byte[] body) throws IOException {
        if (body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b) {
            TarArchiveInputStream tar = new TarArchiveInputStream(
                    GzipCompressorInputStream.builder().setInputStream(new ByteArrayInputStream(body)).get());
            return new Entries() {
                public ArchiveEntry next() throws IOException {
                    return tar.getNextEntry();
                }

                public InputStream content() {
                    return tar;
                }

                public void close() throws IOException {
                    tar.close();
                }
            };
        }
        if (body.length >= 4 && body[0] == 'P' && body[1] == 'K' && (body[2] == 3 || body[2] == 5) && (body[3] == 4 || body[3] == 6)) {
            // The central directory, not the streaming reader: only it holds the unix mode that marks a symlink.
            ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(body)).get();
            Enumeration<ZipArchiveEntry> entries = zip.getEntriesInPhysicalOrder();
            return new Entries() {
                private ZipArchiveEntry current;

                public ArchiveEntry next() {
                    current = entries.hasMoreElements() ? entries.nextElement() : null;
                    return current;
                }

                public InputStream content() throws IOException {
                    return zip.getInputStream(current);
                }

                public void close() throws IOException {
                    zip.close();
                }
            };
        }
        throw new IOException("expected gzip (1f 8b) or zip (PK\\3\\4) data");
    }

    /** Links, devices and FIFOs have no place in a release: the service only ever reads plain files. */
    private static String specialKind(ArchiveEntry entry) {
        if (entry instanceof TarArchiveEntry t) {
            if (t.isSymbolicLink()) {
                return "symbolic link";
            }
            if (t.isLink()) {
                return "hard link";
            }
            if (t.isCharacterDevice() || t.isBlockDevice()) {
                return "device";
            }
            if (t.isFIFO()) {
                return "FIFO";
            }
            return t.isFile() ? null : "special";
        }
        if (entry instanceof ZipArchiveEntry z) {
            if (z.isUnixSymlink()) {
                return "symbolic link";
            }
            int type = z.getUnixMode() & 0170000;
            return type == 0 || type == 0100000 ? null : "special (unix mode " + Integer.toOctalString(z.getUnixMode()) + ")";
        }
        return null;
    }

    private static boolean checkPath(String name, boolean directory, List<String> errors) {
        if (name.isEmpty() || name.equals(".") || name.equals("./")) {
            return false;
        }
        if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
            errors.add(name + ": absolute paths are not allowed");
            return false;
        }
        if (name.contains("\\") || name.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            errors.add(name.replaceAll("\\p{Cntrl}", "?") + ": backslashes and control characters are not allowed in paths");
            return false;
        }
        String path = normalise(name);
        for (String part : path.split("/")) {
            if (part.equals("..") || part.equals(".") || part.isEmpty()) {
                errors.add(name + ": '..', '.' and empty path segments are not allowed");
                return false;
            }
        }
        boolean inside = path.startsWith("rules/") || path.startsWith("policies/");
        if (!inside && !(directory && (path.equals("rules") || path.equals("policies")))) {
            errors.add(name + ": only files under rules/ and policies/ belong in a release");
            return false;
        }
        return true;
    }

    private static String normalise(String name) {
        return name.startsWith("./") ? name.substring(2) : name;
    }

    private ReleaseRefusal refused(String message) {
        return new ReleaseRefusal(Kind.INVALID_ARCHIVE, message, List.of(message));
    }
}
