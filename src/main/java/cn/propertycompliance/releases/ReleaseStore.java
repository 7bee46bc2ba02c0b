package cn.propertycompliance.releases;

import cn.propertycompliance.evaluation.RequestParser;
import cn.propertycompliance.ruleset.SourceFile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** SQL for releases, their files, audit rows and replica heartbeats; portable between H2 and PostgreSQL. */
public class ReleaseStore {

    private static final String COLUMNS = "id, label, state, submitted_by, submitted_at, checks_json, review_report_sha256, "
            + "approved_by, approved_at, manifest, signature, signature_key_id, activate_at, activated_at";

    private static final RowMapper<StoredRelease> ROW = (ResultSet rs, int n) -> new StoredRelease(
            rs.getString("id"),
            rs.getString("label"),
            ReleaseState.valueOf(rs.getString("state")),
            rs.getString("submitted_by"),
            rs.getObject("submitted_at", OffsetDateTime.class),
            RequestParser.JSON.readValue(rs.getString("checks_json"), CheckResults.class),
            strip(rs.getString("review_report_sha256")),
            rs.getString("approved_by"),
            rs.getObject("approved_at", OffsetDateTime.class),
            rs.getString("manifest"),
            rs.getString("signature"),
            rs.getString("signature_key_id"),
            rs.getObject("activate_at", OffsetDateTime.class),
            rs.getObject("activated_at", OffsetDateTime.class));

    private final JdbcTemplate jdbc;

    public ReleaseStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Inserts the release and its files; the caller owns the transaction. */
    void insert(StoredRelease r, List<SourceFile> files) {
        jdbc.update("insert into rule_release (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                r.id(), r.label(), r.state().name(), r.submittedBy(), r.submittedAt(),
                RequestParser.JSON.writeValueAsString(r.checks()), r.reviewReportSha256(), r.approvedBy(), r.approvedAt(),
                r.manifest(), r.signature(), r.signatureKeyId(), r.activateAt(), r.activatedAt());
        jdbc.batchUpdate("insert into rule_release_file (release_id, path, sha256, content) values (?,?,?,?)", files, 200,
                (ps, f) -> {
                    ps.setString(1, r.id());
                    ps.setString(2, f.path());
                    ps.setString(3, ReleaseManifest.sha256(f.bytes()));
                    ps.setBytes(4, f.bytes());
                });
    }

    public Optional<StoredRelease> find(String id) {
        return jdbc.query("select " + COLUMNS + " from rule_release where id = ?", ROW, id).stream().findFirst();
    }

    /** Newest first. */
    public List<StoredRelease> list(int limit) {
        return jdbc.query("select " + COLUMNS + " from rule_release order by submitted_at desc, id limit ?", ROW, limit);
    }

    public Optional<StoredRelease> active() {
        return jdbc.query("select " + COLUMNS + " from rule_release where state = 'ACTIVE'", ROW).stream().findFirst();
    }

    /** Approved releases whose scheduled time has come. */
    List<StoredRelease> due(OffsetDateTime now) {
        return jdbc.query("select " + COLUMNS + " from rule_release where state in ('APPROVED', 'RETIRED') "
                + "and activate_at is not null and activate_at <= ? order by activate_at", ROW, now);
    }

    /** The files as submitted, sorted by path (the order the content id is computed in). */
    public List<SourceFile> files(String id) {
        return jdbc.query("select path, content from rule_release_file where release_id = ? order by path",
                (rs, n) -> new SourceFile(rs.getString("path"), rs.getBytes("content")), id)
                .stream().sorted(java.util.Comparator.comparing(SourceFile::path)).toList();
    }

    /** Moves the release between states only if it is in one of {@code from}: false when another request got there first. */
    boolean transition(String id, Collection<ReleaseState> from, ReleaseState to) {
        String in = from.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
        return jdbc.update("update rule_release set state = ? where id = ? and state in (" + in + ")", to.name(), id) == 1;
    }

    void approved(String id, String approver, OffsetDateTime at, String manifest, String signature, String keyId) {
        jdbc.update("update rule_release set approved_by = ?, approved_at = ?, manifest = ?, signature = ?, signature_key_id = ? "
                + "where id = ?", approver, at, manifest, signature, keyId, id);
    }

    void schedule(String id, OffsetDateTime at) {
        jdbc.update("update rule_release set activate_at = ? where id = ?", at, id);
    }

    /** Locks the ACTIVE row (if any) so two activations at once serialise. */
    Optional<String> lockActive() {
        return jdbc.queryForList("select id from rule_release where state = 'ACTIVE' for update", String.class).stream().findFirst();
    }

    void activated(String id, OffsetDateTime at) {
        jdbc.update("update rule_release set activated_at = ?, activate_at = null where id = ?", at, id);
    }

    void event(ReleaseEvent e) {
        jdbc.update("insert into rule_release_event (release_id, at, actor, action, from_state, to_state, detail) values (?,?,?,?,?,?,?)",
                e.releaseId(), e.at(), e.actor(), e.action(), e.from() == null ? null : e.from().name(),
                e.to() == null ? null : e.to().name(), e.detail() == null ? null : truncate(e.detail(), 2000));
    }

    public List<ReleaseEvent> events(String id) {
        return jdbc.query("select release_id, at, actor, action, from_state, to_state, detail from rule_release_event "
                + "where release_id = ? order by id", (rs, n) -> new ReleaseEvent(rs.getString(1), rs.getObject(2, OffsetDateTime.class),
                rs.getString(3), rs.getString(4), state(rs.getString(5)), state(rs.getString(6)), rs.getString(7)), id);
    }

    void heartbeat(String replicaId, String releaseId, OffsetDateTime startedAt, OffsetDateTime now) {
        if (jdbc.update("update service_replica set release_id = ?, heartbeat_at = ? where replica_id = ?", releaseId, now, replicaId) == 0) {
            jdbc.update("insert into service_replica (replica_id, release_id, started_at, heartbeat_at) values (?,?,?,?)",
                    replicaId, releaseId, startedAt, now);
        }
    }

    void removeReplica(String replicaId) {
        jdbc.update("delete from service_replica where replica_id = ?", replicaId);
    }

    public List<ReplicaStatus> replicasSince(OffsetDateTime since) {
        return jdbc.query("select replica_id, release_id, started_at, heartbeat_at from service_replica where heartbeat_at >= ? "
                + "order by replica_id", (rs, n) -> new ReplicaStatus(rs.getString(1), rs.getString(2),
                rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class)), since);
    }

    private static ReleaseState state(String s) {
        return s == null ? null : ReleaseState.valueOf(s);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
