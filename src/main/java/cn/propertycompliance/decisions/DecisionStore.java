package cn.propertycompliance.decisions;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** SQL for decision records; portable between H2 (PostgreSQL mode) and PostgreSQL. */
public class DecisionStore {

    private static final String COLUMNS = "id, received_at, request_id, request_hash, region, as_of, release_id, outcome, "
            + "duration_micros, request_json, response_json, chain_id, chain_seq, prev_hash, record_hash, client";

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
            rs.getString("prev_hash") == null ? null : rs.getString("prev_hash").strip(),
            rs.getString("record_hash").strip());

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

    /** Inserts all records in one JDBC batch; the caller owns the transaction. */
    void insertAll(List<DecisionRecord> records) {
        jdbc.batchUpdate("insert into decision (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", records, records.size(),
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
    }

    public long count() {
        Long n = jdbc.queryForObject("select count(*) from decision", Long.class);
        return n == null ? 0 : n;
    }
}
