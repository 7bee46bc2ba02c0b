package cn.propertycompliance.releases;

import cn.propertycompliance.vocabulary.Area;
import cn.propertycompliance.evaluation.EvaluationRequest;
import cn.propertycompliance.evaluation.EvaluationResult;
import cn.propertycompliance.evaluation.Evaluator;
import cn.propertycompliance.vocabulary.Finding;
import cn.propertycompliance.evaluation.RequestParser;
import cn.propertycompliance.region.Region;
import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.releases.ReleaseRefusal.Kind;
import cn.propertycompliance.ruleset.Release;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Replays recorded decisions' stored requests (personal data already masked) through a candidate release and counts
 * the verdicts that would change. Rows are streamed with a cursor (bounded memory whatever the range), each replay
 * runs on the candidate only, and nothing is written: no decision, no audit row.
 */
public final class ImpactReplay {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int MAX_EXAMPLES = 20;
    public static final int MAX_LIMIT = 1_000_000;

    /** Optional bounds: decided on or after {@code from}, on or before {@code to}, in (or under) {@code region}. */
    public record Query(LocalDate from, LocalDate to, String region, Integer limit) {
    }

    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;
    private final RegionTable regions;
    private final Evaluator evaluator;
    private final RequestParser parser;

    public ImpactReplay(DataSource dataSource, TransactionTemplate tx, RegionTable regions, Evaluator evaluator) {
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(200);
        this.readOnly = tx;
        this.readOnly.setReadOnly(true);
        this.regions = regions;
        this.evaluator = evaluator;
        this.parser = new RequestParser(regions);
    }

    public ImpactReport replay(Release candidate, Query q) {
        int limit = q.limit() == null ? 10_000 : q.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ReleaseRefusal(Kind.INVALID_REQUEST, "limit must be 1.." + MAX_LIMIT, List.of("limit: must be 1.." + MAX_LIMIT));
        }
        StringBuilder sql = new StringBuilder("select id, region, as_of, request_json, response_json from decision where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.from() != null) {
            sql.append(" and received_at >= ?");
            args.add(q.from().atStartOfDay(CHINA).toOffsetDateTime());
        }
        if (q.to() != null) {
            sql.append(" and received_at < ?");
            args.add(q.to().plusDays(1).atStartOfDay(CHINA).toOffsetDateTime());
        }
        if (q.region() != null && !q.region().isBlank()) {
            if (!regions.contains(q.region())) {
                throw new ReleaseRefusal(Kind.INVALID_REQUEST, "unknown region " + q.region(), List.of("region: not a GB/T 2260 code"));
            }
            sql.append(" and region like ?");
            args.add(q.region().replaceAll("(00)+$", "") + "%");
        }
        sql.append(" order by received_at, id limit ?");
        args.add(limit + 1);
        Tally tally = new Tally(candidate.id());
        readOnly.executeWithoutResult(s -> streaming.query(sql.toString(), (RowCallbackHandler) rs -> {
            if (tally.replayed + tally.unreplayable >= limit) {
                tally.truncated = true;
                return;
            }
            replayRow(candidate, rs, tally);
        }, args.toArray()));
        return tally.report();
    }

    private void replayRow(Release candidate, ResultSet rs, Tally tally) throws SQLException {
        String id = rs.getString("id");
        String regionCode = rs.getString("region").strip();
        EvaluationResult now;
        JsonNode before;
        try {
            EvaluationRequest request = parser.parse(RequestParser.JSON.readTree(rs.getString("request_json")));
            Region region = regions.resolve(request.region()).orElseThrow();
            LocalDate asOf = request.asOf() != null ? request.asOf() : rs.getObject("as_of", LocalDate.class);
            now = evaluator.evaluate(candidate, request, region, asOf, request.effectiveAreas(), false);
            before = RequestParser.JSON.readTree(rs.getString("response_json"));
        } catch (RuntimeException e) {
            tally.unreplayable++;
            return;
        }
        tally.replayed++;
        boolean changed = false;
        String oldOutcome = before.path("outcome").asString();
        if (!oldOutcome.equals(now.outcome().name())) {
            changed = true;
            tally.byOutcome.merge(oldOutcome + "→" + now.outcome().name(), 1L, Long::sum);
        }
        for (Map.Entry<Area, EvaluationResult.AreaResult> a : now.areas().entrySet()) {
            JsonNode old = before.path("areas").path(a.getKey().name());
            if (!old.path("status").asString("").equals(a.getValue().status().name())
                    || !old.path("eligibility").asString("").equals(a.getValue().eligibility() == null ? "" : a.getValue().eligibility())) {
                changed = true;
                tally.byArea.merge(a.getKey().name(), 1L, Long::sum);
            }
        }
        Map<String, Integer> oldFindings = new HashMap<>();
        before.path("findings").forEach(f -> oldFindings.merge(f.path("code").asString() + " " + f.path("subject").asString(""), 1, Integer::sum));
        Map<String, Integer> newFindings = new HashMap<>();
        for (Finding f : now.findings()) {
            newFindings.merge(f.code() + " " + (f.subject() == null ? "" : f.subject()), 1, Integer::sum);
        }
        if (!oldFindings.equals(newFindings)) {
            changed = true;
            Map<String, Long> oldCodes = codes(oldFindings);
            Map<String, Long> newCodes = codes(newFindings);
            newCodes.keySet().stream().filter(c -> !oldCodes.containsKey(c)).forEach(c -> tally.code(c, 1, 0));
            oldCodes.keySet().stream().filter(c -> !newCodes.containsKey(c)).forEach(c -> tally.code(c, 0, 1));
        }
        if (changed) {
            tally.changed++;
            tally.byRegion.merge(regionCode, 1L, Long::sum);
            if (tally.examples.size() < MAX_EXAMPLES) {
                tally.examples.add(id);
            }
        }
    }

    private static Map<String, Long> codes(Map<String, Integer> findings) {
        Map<String, Long> out = new TreeMap<>();
        findings.forEach((k, n) -> out.merge(k.substring(0, k.indexOf(' ')), (long) n, Long::sum));
        return out;
    }

    private static final class Tally {
        final String release;
        long replayed;
        long changed;
        long unreplayable;
        boolean truncated;
        final Map<String, Long> byArea = new TreeMap<>();
        final Map<String, Long> byOutcome = new TreeMap<>();
        final Map<String, long[]> byCode = new TreeMap<>();
        final Map<String, Long> byRegion = new TreeMap<>();
        final List<String> examples = new ArrayList<>();

        Tally(String release) {
            this.release = release;
        }

        void code(String code, long appears, long disappears) {
            long[] c = byCode.computeIfAbsent(code, k -> new long[2]);
            c[0] += appears;
            c[1] += disappears;
        }

        ImpactReport report() {
            Map<String, ImpactReport.CodeChange> codes = new TreeMap<>();
            byCode.forEach((k, v) -> codes.put(k, new ImpactReport.CodeChange(v[0], v[1])));
            return new ImpactReport(release, replayed, changed, unreplayable, byArea, byOutcome, codes, byRegion,
                    List.copyOf(examples), truncated);
        }
    }
}
