package cn.propertycompliance.decisions;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** SQL for decision records and their chain marks; portable between H2 (PostgreSQL mode) and PostgreSQL. */
public class DecisionStore {

    private static final String COLUMNS = "id, received_at, request_id, request_hash, region, as_of, release_id, outcome, "
            + "duration_micros, request_json, response_json, chain_id, chain_seq, prev_hash, record_hash, client, key_id";
    private static final String MARK_COLUMNS = "chain_id, chain_seq, head_hash, record_count, signed_at, key_id, mac";

    private static final RowMapper<DecisionRecord> ROW = (ResultSet rs, int n) -> new DecisionRecord(new Decision(
            rs.getObject("id", UUID.class),
            rs.getObject("received_at", OffsetDateTime.class),
            rs.getString("request_id"),
            rs.getString("request_hash").strip(),
            rs.getString("region").strip(),
            rs.getObject("as_of", LocalDate.class),
            rs.getString("release_id"),
            rs.getString("outcome"),
            rs.getLong("duration_micros"),
            rs.getString("request_json"),
            rs.getString("response_json"),
            rs.getString("client")),
            rs.getObject("chain_id", UUID.class),
            rs.getLong("chain_seq"),
            strip(rs.getString("prev_hash")),
            strip(rs.getString("record_hash")),
            rs.getString("key_id"));

    private static RowMapper<ChainMark> mark(ChainMark.Kind kind) {
        return (rs, n) -> new ChainMark(kind, rs.getObject("chain_id", UUID.class), rs.getLong("chain_seq"),
                strip(rs.getString("head_hash")), rs.getLong("record_count"), rs.getObject("signed_at", OffsetDateTime.class),
                rs.getString("key_id"), strip(rs.getString("mac")));
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private final JdbcTemplate jdbc;

    public DecisionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<DecisionRecord> findById(UUID id) {
        return jdbc.query("select " + COLUMNS + " from decision where id = ?", ROW, id).stream().findFirst();
    }

    /** A requestId is one client's: another client's equal id is another request. */
    public Optional<DecisionRecord> findByRequestId(String client, String requestId) {
        return jdbc.query("select " + COLUMNS + " from decision where client = ? and request_id = ?", ROW, client, requestId)
                .stream().findFirst();
    }

    Optional<DecisionRecord> findBySeq(UUID chainId, long seq) {
        return jdbc.query("select " + COLUMNS + " from decision where chain_id = ? and chain_seq = ?", ROW, chainId, seq)
                .stream().findFirst();
    }

    /** Inserts all records in one JDBC batch; the caller owns the transaction. */
    void insertAll(List<DecisionRecord> records) {
        jdbc.batchUpdate("insert into decision (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", records, records.size(),
                DecisionStore::bind);
    }

    private static void bind(PreparedStatement ps, DecisionRecord record) throws SQLException {
        Decision r = record.decision();
        ps.setObject(1, r.id());
        ps.setObject(2, r.receivedAt());
        ps.setString(3, r.requestId());
        ps.setString(4, r.requestHash());
        ps.setString(5, r.region());
        ps.setObject(6, r.asOf());
        ps.setString(7, r.releaseId());
        ps.setString(8, r.outcome());
        ps.setLong(9, r.durationMicros());
        ps.setString(10, r.requestJson());
        ps.setString(11, r.responseJson());
        ps.setObject(12, record.chainId());
        ps.setLong(13, record.chainSeq());
        ps.setString(14, record.prevHash());
        ps.setString(15, record.recordHash());
        ps.setString(16, r.client());
        ps.setString(17, record.keyId());
    }

    /** Moves the chain's signed head (one row per chain); the caller owns the transaction. */
    void saveHead(ChainMark head, String writer) {
        int updated = jdbc.update("update decision_chain_head set chain_seq = ?, head_hash = ?, record_count = ?, signed_at = ?, "
                + "key_id = ?, mac = ? where chain_id = ?", head.seq(), head.hash(), head.count(), head.at(), head.keyId(),
                head.mac(), head.chainId());
        if (updated == 0) {
            jdbc.update("insert into decision_chain_head (" + MARK_COLUMNS + ", writer) values (?,?,?,?,?,?,?,?)", head.chainId(),
                    head.seq(), head.hash(), head.count(), head.at(), head.keyId(), head.mac(), writer);
        }
    }

    void insertCheckpoint(ChainMark c) {
        jdbc.update("insert into decision_checkpoint (" + MARK_COLUMNS + ") values (?,?,?,?,?,?,?)", c.chainId(), c.seq(),
                c.hash(), c.count(), c.at(), c.keyId(), c.mac());
    }

    Optional<ChainMark> findHead(UUID chainId) {
        return jdbc.query("select " + MARK_COLUMNS + " from decision_chain_head where chain_id = ?", mark(ChainMark.Kind.HEAD), chainId)
                .stream().findFirst();
    }

    List<ChainMark> heads() {
        return jdbc.query("select " + MARK_COLUMNS + " from decision_chain_head order by chain_id", mark(ChainMark.Kind.HEAD));
    }

    /** Per chain with records received in [from, to): chain id, lowest and highest sequence, first received. */
    record ChainSpan(UUID chainId, long minSeq, long maxSeq, OffsetDateTime firstReceived) {
    }

    List<ChainSpan> spans(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.query("select chain_id, min(chain_seq) lo, max(chain_seq) hi, min(received_at) first from decision "
                        + "where received_at >= ? and received_at < ? group by chain_id",
                (rs, n) -> new ChainSpan(rs.getObject("chain_id", UUID.class), rs.getLong("lo"), rs.getLong("hi"),
                        rs.getObject("first", OffsetDateTime.class)), from, to);
    }

    /** Chains that hold unkeyed (pre-key) records but no signed head yet. */
    List<UUID> unsignedLegacyChains() {
        return jdbc.queryForList("select distinct d.chain_id from decision d where d.key_id is null and not exists "
                + "(select 1 from decision_chain_head c where c.chain_id = d.chain_id)", UUID.class);
    }

    /** The checkpoints of a chain with sequence in [fromSeq, toSeq], in order. */
    List<ChainMark> checkpoints(UUID chainId, long fromSeq, long toSeq) {
        return jdbc.query("select " + MARK_COLUMNS + " from decision_checkpoint where chain_id = ? and chain_seq between ? and ? "
                + "order by chain_seq", mark(ChainMark.Kind.CHECKPOINT), chainId, fromSeq, toSeq);
    }

    /** The last checkpoint below a sequence that was signed no later than a time. */
    Optional<ChainMark> lastCheckpointBefore(UUID chainId, long seq, OffsetDateTime signedBy) {
        return jdbc.query("select " + MARK_COLUMNS + " from decision_checkpoint where chain_id = ? and chain_seq < ? "
                + "and signed_at <= ? order by chain_seq desc fetch first 1 rows only", mark(ChainMark.Kind.CHECKPOINT), chainId, seq,
                signedBy).stream().findFirst();
    }

    /** The first checkpoint at or above a sequence that was signed no earlier than a time. */
    Optional<ChainMark> firstCheckpointFrom(UUID chainId, long seq, OffsetDateTime signedFrom) {
        return jdbc.query("select " + MARK_COLUMNS + " from decision_checkpoint where chain_id = ? and chain_seq >= ? "
                + "and signed_at >= ? order by chain_seq fetch first 1 rows only", mark(ChainMark.Kind.CHECKPOINT), chainId, seq,
                signedFrom).stream().findFirst();
    }

    long maxCheckpointSeq(UUID chainId) {
        Long max = jdbc.queryForObject("select max(chain_seq) from decision_checkpoint where chain_id = ?", Long.class, chainId);
        return max == null ? 0 : max;
    }

    /** Streams a chain's records with sequence in [fromSeq, toSeq] in sequence order. */
    void forEachInChain(UUID chainId, long fromSeq, long toSeq, Consumer<DecisionRecord> each) {
        jdbc.query("select " + COLUMNS + " from decision where chain_id = ? and chain_seq between ? and ? order by chain_seq",
                rs -> {
                    each.accept(ROW.mapRow(rs, 0));
                }, chainId, fromSeq, toSeq);
    }

    /** A cheap round trip, for health. */
    public void ping() {
        jdbc.queryForObject("select 1", Integer.class);
    }

    public long count() {
        Long n = jdbc.queryForObject("select count(*) from decision", Long.class);
        return n == null ? 0 : n;
    }
}
