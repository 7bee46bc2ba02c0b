package cn.propertycompliance.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The GB/T 2260 division table (民政部 county-level and above; see regions/SOURCE.md) and the chain
 * national → province → city → district for a code.
 */
public final class RegionTable {

    public static final String NATIONAL = "000000";
    public static final String NATIONAL_NAME = "全国";
    /** Rows that group divisions without being a government layer of their own. */
    private static final Set<String> PLACEHOLDER_NAMES = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");

    private final Map<String, String> names;

    public RegionTable(Map<String, String> names) {
        this.names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
    }

    public static RegionTable fromClasspath(String resource) {
        try (InputStream in = RegionTable.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("region table " + resource + " is not on the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads {@code code,name} rows. The file is a fixed two-column table without quoting (see SOURCE.md), so a
     * plain split suffices (jackson-dataformat-csv is not in the reachable registry at the Jackson version we use);
     * every row is still checked.
     */
    static RegionTable read(InputStream in) throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (!"code,name".equals(header)) {
            throw new IllegalStateException("region table must start with the header code,name but starts with " + header);
        }
        int lineNo = 1;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNo++;
            String[] cols = line.split(",", -1);
            if (cols.length != 2 || !cols[0].matches("[0-9]{6}") || cols[1].isBlank()) {
                throw new IllegalStateException("region table line " + lineNo + " is not 'six-digit code,name': " + line);
            }
            names.put(cols[0], cols[1].strip());
        }
        return new RegionTable(names);
    }

    public boolean contains(String code) {
        return names.containsKey(code);
    }

    /** A jurisdiction code is the national layer or a division of the table. */
    public boolean isJurisdiction(String code) {
        return NATIONAL.equals(code) || contains(code);
    }

    public Optional<String> name(String code) {
        return NATIONAL.equals(code) ? Optional.of(NATIONAL_NAME) : Optional.ofNullable(names.get(code));
    }

    public Optional<Region> resolve(String code) {
        if (code == null || !names.containsKey(code)) {
            return Optional.empty();
        }
        List<String> layers = new ArrayList<>(4);
        layers.add(NATIONAL);
        StringBuilder fullName = new StringBuilder();
        for (String candidate : List.of(code.substring(0, 2) + "0000", code.substring(0, 4) + "00", code)) {
            String name = names.get(candidate);
            if (name == null || layers.contains(candidate) || PLACEHOLDER_NAMES.contains(name)) {
                continue;
            }
            layers.add(candidate);
            fullName.append(name);
        }
        return Optional.of(new Region(code, fullName.toString(), List.copyOf(layers)));
    }

    /** True when {@code ancestor} is one of the layers above or equal to {@code code}. */
    public boolean isWithin(String code, String ancestor) {
        if (NATIONAL.equals(ancestor)) {
            return true;
        }
        return resolve(code).map(r -> r.layers().contains(ancestor)).orElse(false);
    }

    /** Every division code of the table, in table order. */
    public java.util.Collection<String> codes() {
        return names.keySet();
    }

    public int size() {
        return names.size();
    }
}
