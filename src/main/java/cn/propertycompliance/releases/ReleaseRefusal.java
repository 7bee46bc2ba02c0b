package cn.propertycompliance.releases;

import java.util.List;

/**
 * A release request the service refuses, with the HTTP status and problem type it answers with: a hostile archive
 * (400), maker = checker (403), an unknown release (404), a state that does not allow the step or a signature that
 * does not verify (409). {@code errors} lists every reason when there are several.
 */
public class ReleaseRefusal extends RuntimeException {

    public enum Kind {
        INVALID_ARCHIVE(400, "/problems/release-archive-invalid", "Release archive refused"),
        INVALID_REQUEST(400, "/problems/invalid-request", "Invalid request"),
        SAME_CLIENT(403, "/problems/release-maker-checker", "Approver must differ from submitter"),
        NOT_FOUND(404, "/problems/not-found", "Not found"),
        WRONG_STATE(409, "/problems/release-state", "Release is not in a state that allows this"),
        SIGNATURE_INVALID(409, "/problems/release-signature", "Release signature does not verify");

        public final int status;
        public final String type;
        public final String title;

        Kind(int status, String type, String title) {
            this.status = status;
            this.type = type;
            this.title = title;
        }
    }

    private final Kind kind;
    private final List<String> errors;

    public ReleaseRefusal(Kind kind, String detail) {
        this(kind, detail, List.of());
    }

    public ReleaseRefusal(Kind kind, String detail, List<String> errors) {
        super(detail);
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    public Kind kind() {
        return kind;
    }

    public List<String> errors() {
        return errors;
    }
}
