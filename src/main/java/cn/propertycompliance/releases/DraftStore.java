package cn.propertycompliance.releases;

import cn.propertycompliance.evaluation.RequestParser;
import cn.propertycompliance.ruleset.SourceFile;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** SQL for drafts and the files they change; portable between H2 and PostgreSQL. */
final class DraftStore {

    private static final String COLUMNS = "id, label, base_release_id, created_by, created_at, updated_by, updated_at, state, "
            + "release_id, checks_json";

    private static final RowMapper<ReleaseDraft> ROW = (ResultSet rs, int n) -> new ReleaseDraft(
            rs.getString("id"), rs.getString("label"), rs.getString("base_release_id"),
            rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
            rs.getString("updated_by"), rs.getObject("updated_at", OffsetDateTime.class),
            ReleaseDraft.State.valueOf(rs.getString("state")), rs.getString("release_id"),
            rs.getString("checks_json") == null ? null : RequestParser.JSON.readValue(rs.getString("checks_json"), DraftCheck.class));

    private final JdbcTemplate jdbc;

    DraftStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ReleaseDraft d) {
        jdbc.update("insert into release_draft (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?)", d.id(), d.label(), d.baseReleaseId(),
                d.createdBy(), d.createdAt(), d.updatedBy(), d.updatedAt(), d.state().name(), d.releaseId(), null);
    }

    Optional<ReleaseDraft> find(String id) {
        return jdbc.query("select " + COLUMNS + " from release_draft where id = ?", ROW, id).stream().findFirst();
    }

    /** Newest first. */
    List<ReleaseDraft> list(int limit) {
        return jdbc.query("select " + COLUMNS + " from release_draft order by updated_at desc, id limit ?", ROW, limit);
    }

    /** The files the draft changes or adds, by path. */
    List<SourceFile> files(String id) {
        return jdbc.query("select path, content from release_draft_file where draft_id = ? order by path",
                (rs, n) -> new SourceFile(rs.getString("path"), rs.getBytes("content")), id);
    }

    void putFile(String id, SourceFile file) {
        jdbc.update("delete from release_draft_file where draft_id = ? and path = ?", id, file.path());
        jdbc.update("insert into release_draft_file (draft_id, path, content) values (?,?,?)", id, file.path(), file.bytes());
    }

    void removeFile(String id, String path) {
        jdbc.update("delete from release_draft_file where draft_id = ? and path = ?", id, path);
    }

    void checked(String id, DraftCheck check, String by, OffsetDateTime at) {
        jdbc.update("update release_draft set checks_json = ?, updated_by = ?, updated_at = ? where id = ?",
                RequestParser.JSON.writeValueAsString(check), by, at, id);
    }

    /** Marks an OPEN draft submitted; false when it was submitted meanwhile. */
    boolean submitted(String id, String releaseId, String by, OffsetDateTime at) {
        return jdbc.update("update release_draft set state = 'SUBMITTED', release_id = ?, updated_by = ?, updated_at = ? "
                + "where id = ? and state = 'OPEN'", releaseId, by, at, id) == 1;
    }
}
